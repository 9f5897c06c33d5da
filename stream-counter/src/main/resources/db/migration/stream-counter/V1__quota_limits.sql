-- Live-stream limits, changed by administrators at run time. Counts live in Valkey/Redis; only limits are durable.
CREATE TABLE agency_limit (
    agency      text PRIMARY KEY CHECK (agency ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    max_streams integer NOT NULL CHECK (max_streams >= 0),
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL
);

-- System-wide settings: the default viewer limit of a camera, and the optional global stream limit (NULL: none).
CREATE TABLE quota_settings (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    camera_limit  integer NOT NULL CHECK (camera_limit >= 0),
    global_limit  integer CHECK (global_limit IS NULL OR global_limit >= 0),
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL
);
INSERT INTO quota_settings (camera_limit, global_limit, updated_at, updated_by) VALUES (100, NULL, now(), 'migration');

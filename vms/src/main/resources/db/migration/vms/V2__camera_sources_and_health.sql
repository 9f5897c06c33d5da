-- How each camera is reached, and what its last health probes found.
ALTER TABLE camera
    ADD COLUMN main_url          text CHECK (main_url IS NULL OR length(main_url) <= 2048),
    ADD COLUMN sub_url           text CHECK (sub_url IS NULL OR length(sub_url) <= 2048),
    ADD COLUMN username          text,
    -- The password, AES-256-GCM encrypted (compact JWE); never stored or returned in clear.
    ADD COLUMN sealed_password   text,
    ADD COLUMN status_reason     text,
    ADD COLUMN last_seen         timestamptz,
    ADD COLUMN status_changed_at timestamptz;

-- Every ONLINE/OFFLINE change, for other services to follow (GET /internal/camera-events?after=).
CREATE TABLE camera_status_event (
    id         bigserial PRIMARY KEY,
    camera_id  uuid NOT NULL,
    agency     text NOT NULL,
    status     text NOT NULL CHECK (status IN ('ONLINE', 'OFFLINE', 'UNKNOWN')),
    reason     text,
    at         timestamptz NOT NULL
);
CREATE INDEX camera_status_event_camera ON camera_status_event (camera_id, id);

-- How long each camera's footage is kept (cameras without a row keep the system default).
CREATE TABLE retention_policy (
    camera_id uuid PRIMARY KEY,
    days      integer NOT NULL CHECK (days BETWEEN 1 AND 3650)
);

-- Footage that must not be deleted while the hold stands (an open incident, an evidence export).
CREATE TABLE evidence_hold (
    id          uuid PRIMARY KEY,
    camera_id   uuid NOT NULL,
    start_time  timestamptz NOT NULL,
    end_time    timestamptz NOT NULL CHECK (end_time > start_time),
    reason      text NOT NULL,
    reference   text,
    created_at  timestamptz NOT NULL,
    released_at timestamptz
);
CREATE INDEX evidence_hold_camera ON evidence_hold (camera_id, start_time) WHERE released_at IS NULL;

-- When each camera records. Cameras without a row follow cctv.recording.default-mode.
CREATE TABLE schedule (
    camera_id      uuid PRIMARY KEY,
    mode           text NOT NULL CHECK (mode IN ('CONTINUOUS', 'SCHEDULED', 'OFF')),
    windows        text NOT NULL DEFAULT '[]',
    time_zone      text NOT NULL DEFAULT 'Asia/Dubai',
    retention_days integer CHECK (retention_days IS NULL OR retention_days BETWEEN 1 AND 3650),
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL
);

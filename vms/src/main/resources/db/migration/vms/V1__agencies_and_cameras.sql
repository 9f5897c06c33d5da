CREATE TABLE agency (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name        text NOT NULL,
    name_ar     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE camera (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_ar      text CHECK (name_ar IS NULL OR length(name_ar) BETWEEN 1 AND 200),
    agency       text NOT NULL REFERENCES agency (code),
    source_type  text NOT NULL CHECK (source_type IN ('RTSP', 'ONVIF', 'MILESTONE', 'SIMULATOR')),
    ptz          boolean NOT NULL DEFAULT false,
    status       text NOT NULL DEFAULT 'UNKNOWN' CHECK (status IN ('ONLINE', 'OFFLINE', 'UNKNOWN')),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX camera_by_agency ON camera (agency, name);

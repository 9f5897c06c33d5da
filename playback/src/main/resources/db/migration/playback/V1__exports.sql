-- Evidence exports: one row per job, claimed by whichever playback instance is free (FOR UPDATE SKIP LOCKED).
CREATE TABLE export_job (
    id            uuid PRIMARY KEY,
    camera_id     uuid        NOT NULL,
    range_start   timestamptz NOT NULL,
    range_end     timestamptz NOT NULL,
    requested_by  text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress      double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz,
    runner        text,
    attempts      integer     NOT NULL DEFAULT 0,
    hold_id       uuid,
    sha256        text,
    size_bytes    bigint,
    manifest      text,
    signature     text,
    error         text,
    CHECK (range_end > range_start)
);
CREATE INDEX export_job_queued ON export_job (created_at) WHERE status = 'QUEUED';
CREATE INDEX export_job_requested_by ON export_job (requested_by, created_at DESC);

-- The key pair evidence manifests are signed with (Ed25519); the private key sealed with a key derived from the
-- service secret. Shared by every playback instance.
CREATE TABLE signing_key (
    name        text PRIMARY KEY,
    algorithm   text        NOT NULL,
    private_key text        NOT NULL,
    public_key  bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

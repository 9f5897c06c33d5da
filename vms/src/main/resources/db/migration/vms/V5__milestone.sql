-- Cameras of agencies' Milestone XProtect systems: which configured server, the camera's GUID there, and whether the
-- last inventory sync still found it.
ALTER TABLE camera
    ADD COLUMN upstream_server  text,
    ADD COLUMN upstream_id      text,
    ADD COLUMN upstream_removed boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX camera_upstream ON camera (upstream_server, upstream_id) WHERE upstream_server IS NOT NULL;

-- One row per inventory sync run of one XProtect server.
CREATE TABLE milestone_sync_report (
    id          bigserial PRIMARY KEY,
    server      text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    seen        integer NOT NULL,
    added       integer NOT NULL,
    updated     integer NOT NULL,
    removed     integer NOT NULL,
    unchanged   integer NOT NULL,
    error       text
);
CREATE INDEX milestone_sync_report_server ON milestone_sync_report (server, id DESC);

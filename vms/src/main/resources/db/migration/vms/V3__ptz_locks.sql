-- Who is steering a PTZ camera: one user at a time; the lock lapses 30 s after their last command.
CREATE TABLE ptz_lock (
    camera_id    uuid PRIMARY KEY,
    holder       text NOT NULL,
    holder_name  text NOT NULL,
    expires_at   timestamptz NOT NULL
);

-- What a playback or export link was granted for (ADR 13): the services serving a link ask whether its grant still
-- holds (its sign-in live, its user enabled and unchanged, the camera still visible to them). first_used_at is set
-- once, when the first fetch of a playback is audited.
CREATE TABLE link_grant (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('PLAYBACK', 'EXPORT')),
    subject       text NOT NULL,
    username      text NOT NULL,
    role          text NOT NULL,
    agency        text NOT NULL,
    session_id    uuid,
    token_version integer,
    camera_id     uuid NOT NULL,
    target        text,
    detail        text NOT NULL,
    created_at    timestamptz NOT NULL,
    first_used_at timestamptz
);
CREATE INDEX link_grant_created ON link_grant (created_at);

-- Every stored segment of footage: a fragmented MP4 object covering [start_time, end_time) of one camera.
CREATE TABLE segment (
    id              bigserial PRIMARY KEY,
    camera_id       uuid NOT NULL,
    start_time      timestamptz NOT NULL,
    end_time        timestamptz NOT NULL CHECK (end_time > start_time),
    duration_ms     integer NOT NULL CHECK (duration_ms > 0),
    bytes           bigint NOT NULL CHECK (bytes > 0),
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    codec           text NOT NULL,
    width           integer NOT NULL,
    height          integer NOT NULL,
    init_size       integer NOT NULL,
    store           text NOT NULL,
    object_key      text NOT NULL UNIQUE,
    recorder        text NOT NULL,
    fencing_token   bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX segment_camera_time ON segment (camera_id, start_time);
CREATE INDEX segment_time ON segment (start_time);

-- Where each fragment (moof + mdat) of a segment lies, so playback can address any moment without opening the file.
CREATE TABLE fragment (
    segment_id   bigint NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    offset_ms    integer NOT NULL,
    duration_ms  integer NOT NULL,
    byte_offset  bigint NOT NULL,
    size         integer NOT NULL,
    keyframe     boolean NOT NULL,
    PRIMARY KEY (segment_id, seq)
);

-- Stretches with no footage, and why.
CREATE TABLE gap (
    id         bigserial PRIMARY KEY,
    camera_id  uuid NOT NULL,
    start_time timestamptz NOT NULL,
    end_time   timestamptz NOT NULL CHECK (end_time > start_time),
    reason     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gap_camera_time ON gap (camera_id, start_time);

-- The highest fencing token that wrote each camera's footage: a recorder that lost its lease is refused.
CREATE TABLE camera_fence (
    camera_id uuid PRIMARY KEY,
    token     bigint NOT NULL
);

-- Named sets of cameras of one agency (a camera can be in several), for the operators' camera tree.
CREATE TABLE camera_group (
    id       uuid PRIMARY KEY,
    agency   text NOT NULL REFERENCES agency (code),
    name     text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_ar  text CHECK (name_ar IS NULL OR length(name_ar) BETWEEN 1 AND 200),
    UNIQUE (agency, name)
);

CREATE TABLE camera_group_member (
    group_id  uuid NOT NULL REFERENCES camera_group (id) ON DELETE CASCADE,
    camera_id uuid NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, camera_id)
);
CREATE INDEX camera_group_member_camera ON camera_group_member (camera_id);

-- Text search for English and Arabic in one configuration: Latin-script words go to the English Snowball stemmer
-- (with its stop words), Arabic-script words to the Arabic Snowball stemmer, numbers, hosts and the like stay as
-- they are (the english configuration's own mapping). One tsvector per document, one GIN index, one query; no
-- language detection is needed and a mixed query matches mixed text (ADR 9).
CREATE TEXT SEARCH CONFIGURATION english_arabic (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION english_arabic ALTER MAPPING FOR word, hword, hword_part WITH arabic_stem;

CREATE TABLE incident (
    id          uuid PRIMARY KEY,
    agency      text NOT NULL,
    title       text NOT NULL,
    description text NOT NULL,
    status      text NOT NULL CHECK (status IN ('OPEN', 'INVESTIGATING', 'CLOSED')),
    assignee    text,
    tags        text[] NOT NULL,
    start_time  timestamptz,
    end_time    timestamptz,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK ((start_time IS NULL) = (end_time IS NULL) AND (end_time IS NULL OR end_time > start_time))
);
CREATE INDEX incident_agency_created ON incident (agency, created_at DESC);
CREATE INDEX incident_created ON incident (created_at DESC);

-- A camera linked to an incident, with the stretch of its footage that is evidence (none: the camera alone).
CREATE TABLE incident_footage (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id),
    camera_id   uuid NOT NULL,
    start_time  timestamptz,
    end_time    timestamptz,
    linked_by   text NOT NULL,
    linked_at   timestamptz NOT NULL,
    unlinked_at timestamptz,
    CHECK ((start_time IS NULL) = (end_time IS NULL) AND (end_time IS NULL OR end_time > start_time))
);
CREATE INDEX incident_footage_incident ON incident_footage (incident_id);
CREATE INDEX incident_footage_camera ON incident_footage (camera_id) WHERE unlinked_at IS NULL;

-- The storage service's evidence holds this service placed for linked footage. A hold is owned by one footage link
-- of one incident: closing the incident or unlinking the footage asks for its release (release_due_at), and the
-- release is done, and retried until storage confirms it (released_at). Holds of other owners (exports) are not here.
CREATE TABLE footage_hold (
    hold_id        uuid PRIMARY KEY,
    footage_id     uuid NOT NULL REFERENCES incident_footage (id),
    placed_at      timestamptz NOT NULL,
    release_due_at timestamptz,
    released_at    timestamptz
);
CREATE INDEX footage_hold_footage ON footage_hold (footage_id);
CREATE INDEX footage_hold_release_due ON footage_hold (release_due_at) WHERE release_due_at IS NOT NULL AND released_at IS NULL;

CREATE TABLE incident_comment (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id),
    author      text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX incident_comment_incident ON incident_comment (incident_id, created_at);

-- Every change to an incident, oldest first: who, when, what, from what to what.
CREATE TABLE incident_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    change      text NOT NULL,
    old_value   text,
    new_value   text
);
CREATE INDEX incident_history_incident ON incident_history (incident_id, id);

-- A note on a camera's timeline: a moment (end_time null) or a range.
CREATE TABLE bookmark (
    id         uuid PRIMARY KEY,
    agency     text NOT NULL,
    camera_id  uuid NOT NULL,
    at_time    timestamptz NOT NULL,
    end_time   timestamptz,
    note       text NOT NULL,
    tags       text[] NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (end_time IS NULL OR end_time > at_time)
);
CREATE INDEX bookmark_camera_time ON bookmark (camera_id, at_time);
CREATE INDEX bookmark_agency_time ON bookmark (agency, at_time);

-- The names of the cameras the vms service knows, copied here so that they are searched with everything else.
CREATE TABLE camera (
    id        uuid PRIMARY KEY,
    agency    text NOT NULL,
    name      text NOT NULL,
    name_ar   text,
    synced_at timestamptz NOT NULL
);

-- What search looks through: one row per incident, comment, bookmark and camera, written in the same transaction
-- as the row it stands for. title (weight A), body (B) and keywords (C, the tags) are indexed; label is what a hit
-- shows as its title. The filters (agency, cameras, status, tags, time) are copied in so a search is one query.
CREATE TABLE search_document (
    doc_type       text NOT NULL CHECK (doc_type IN ('incident', 'comment', 'bookmark', 'camera')),
    id             uuid NOT NULL,
    incident_id    uuid,
    agency         text NOT NULL,
    camera_ids     uuid[] NOT NULL,
    status         text,
    tags           text[] NOT NULL,
    happened_start timestamptz,
    happened_end   timestamptz,
    recency        timestamptz NOT NULL,
    label          text NOT NULL,
    title          text NOT NULL,
    body           text NOT NULL,
    keywords       text NOT NULL,
    document       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english_arabic', title), 'A')
        || setweight(to_tsvector('english_arabic', body), 'B')
        || setweight(to_tsvector('english_arabic', keywords), 'C')) STORED,
    PRIMARY KEY (doc_type, id)
);
CREATE INDEX search_document_text ON search_document USING gin (document);
CREATE INDEX search_document_agency_recency ON search_document (agency, recency DESC);
CREATE INDEX search_document_recency ON search_document (recency DESC);
CREATE INDEX search_document_cameras ON search_document USING gin (camera_ids);
CREATE INDEX search_document_tags ON search_document USING gin (tags);
CREATE INDEX search_document_incident ON search_document (incident_id) WHERE incident_id IS NOT NULL;

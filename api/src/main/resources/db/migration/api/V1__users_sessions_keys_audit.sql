-- People who sign in with a password (embedded issuer). Users of an external OIDC provider are not stored here.
CREATE TABLE app_user (
    id             uuid PRIMARY KEY,
    username       text NOT NULL,
    display_name   text NOT NULL,
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER', 'AUDITOR')),
    agency         text NOT NULL,
    enabled        boolean NOT NULL DEFAULT true,
    -- Raised on every change that must end the user's sessions (disable, password reset, role or agency change).
    token_version  integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

-- One sign-in: the family of refresh tokens that descend from one login. Revoking it ends every token of the family.
CREATE TABLE user_session (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES app_user (id),
    created_at     timestamptz NOT NULL,
    source_ip      text,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX user_session_by_user ON user_session (user_id);

-- Refresh tokens are stored as SHA-256 hashes only; each is used once and replaced by the next of its family.
CREATE TABLE refresh_token (
    token_hash     text PRIMARY KEY,
    session_id     uuid NOT NULL REFERENCES user_session (id),
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);

-- Access-token signing keys (JWK, encrypted with a key derived from the deployment's service secret).
CREATE TABLE signing_key (
    kid            text PRIMARY KEY,
    encrypted_jwk  text NOT NULL,
    created_at     timestamptz NOT NULL,
    retired_at     timestamptz
);

-- The audit trail: append-only, one hash chain per UTC day.
CREATE TABLE audit_event (
    id             bigserial PRIMARY KEY,
    chain          date NOT NULL,
    seq            bigint NOT NULL,
    time           timestamptz NOT NULL,
    actor          text NOT NULL,
    actor_agency   text,
    action         text NOT NULL,
    target         text,
    outcome        text NOT NULL,
    source_ip      text,
    request_id     text,
    detail         text,
    prev_hash      text NOT NULL,
    hash           text NOT NULL,
    UNIQUE (chain, seq)
);
CREATE INDEX audit_event_time ON audit_event (time DESC);
CREATE INDEX audit_event_actor_time ON audit_event (actor, time DESC);
CREATE INDEX audit_event_action_time ON audit_event (action, time DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

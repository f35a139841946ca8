-- Regisseur schema, PostgreSQL. Ids are UUIDv7 as text, times are UTC text
-- (YYYY-MM-DDTHH:MM:SS.ffffffZ), money is integer cents inside the element data.
CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    cbs_code TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    supplier_id TEXT,
    PRIMARY KEY (user_id, organisation_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);

CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE elements (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT,
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version BIGINT NOT NULL,
    data JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX elements_org_kind_sort ON elements (organisation_id, kind, sort_name, id);

CREATE TABLE element_refs (
    organisation_id TEXT NOT NULL,
    from_id TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    to_id TEXT NOT NULL REFERENCES elements (id),
    PRIMARY KEY (from_id, field, to_id)
);
CREATE INDEX element_refs_to ON element_refs (to_id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT,
    user_email TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_log_org_at ON audit_log (organisation_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity_id);

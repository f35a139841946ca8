-- Files uploaded for import, kept between the preview and the confirmation (so that any app
-- server can confirm what another one previewed), removed once imported or after a day.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_at TEXT NOT NULL
);

-- Businesscase: an organisation's business cases (several scenarios side by side), each the
-- input structure of the TOML file as JSON. The figures are computed from it, never stored.
CREATE TABLE business_cases (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX business_cases_org ON business_cases (organisation_id, name);

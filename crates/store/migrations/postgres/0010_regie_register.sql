-- Regie: per contract the expectations recorded at the start (compared with reality later) and
-- the innovation register of the partner's proposals, each as JSON.
CREATE TABLE contract_register (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    contract_id TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contract_register_contract ON contract_register (contract_id, kind);

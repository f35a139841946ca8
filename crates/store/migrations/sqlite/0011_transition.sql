-- Transitie: per organisation the plan (phases and settings, one JSON document) and the items
-- of the dossier — roles, people affected, milestones, risks, messages — each as JSON with its
-- kind. Every saved state of a risk is kept in risk_history (NULL data: removed), so the weekly
-- report can compare the dossier with how it was a week ago.
CREATE TABLE transition_plans (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE transition_items (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX transition_items_org ON transition_items (organisation_id, kind, created_at);
CREATE TABLE risk_history (
    risk_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    data TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX risk_history_org ON risk_history (organisation_id, recorded_at);

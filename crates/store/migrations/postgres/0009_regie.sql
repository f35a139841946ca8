-- Regie: per contract its obligations, its SLA (settings and norms as JSON; outages,
-- incidents and reported monthly figures as rows), the quarterly survey of each side; and the
-- secret calendar feeds of users.
CREATE TABLE obligations (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    contract_id TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX obligations_contract ON obligations (organisation_id, contract_id);

CREATE TABLE sla_settings (
    contract_id TEXT PRIMARY KEY REFERENCES elements (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE sla_events (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- Reported figures: month and norm, so a new report replaces the old one.
    report_key TEXT,
    data TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX sla_events_contract ON sla_events (contract_id, kind);

CREATE TABLE surveys (
    contract_id TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
    quarter TEXT NOT NULL,
    side TEXT NOT NULL,
    data TEXT NOT NULL,
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (contract_id, quarter, side)
);

CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id, organisation_id);

-- Kwaliteit: an organisation's own rule settings, owners' confirmations of their elements
-- (freshness), and the score per day for the trend.
CREATE TABLE quality_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE confirmations (
    element_id TEXT PRIMARY KEY REFERENCES elements (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL,
    user_id TEXT,
    user_email TEXT NOT NULL,
    confirmed_on TEXT NOT NULL,
    confirmed_at TEXT NOT NULL
);
CREATE INDEX confirmations_org ON confirmations (organisation_id);

-- Scores in tenths (0–1000), one row per organisation and day: the last computation of the day.
CREATE TABLE quality_scores (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    score_tenths BIGINT NOT NULL,
    areas TEXT NOT NULL,
    findings BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, day)
);

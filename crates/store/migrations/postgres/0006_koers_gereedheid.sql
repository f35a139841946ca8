-- Koers: goals with KPIs (the goal as JSON), and per service domain the current and intended
-- sourcing. Gereedheid: assessments (a concept that several people answer, then finalised with
-- its advice kept) and their answers.
CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX goals_org ON goals (organisation_id, title);

CREATE TABLE domain_choices (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    current_sourcing TEXT NOT NULL,
    intended_sourcing TEXT NOT NULL,
    rationale TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, domain)
);

CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL,
    finalised_at TEXT,
    finalised_by TEXT,
    result TEXT
);
CREATE INDEX assessments_org ON assessments (organisation_id, started_at);

CREATE TABLE assessment_answers (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    level BIGINT NOT NULL,
    note TEXT NOT NULL,
    evidence TEXT NOT NULL,
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
);

-- Aanbesteding: the procurement policy thresholds per organisation; tenders with their set-up
-- (JSON), chair and evaluators; bids with their price (sealed until the consensus is final);
-- the evaluators' own scores with a comment, their submissions, and the consensus per bid and
-- criterion with its motivation.
CREATE TABLE procurement_policies (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE tenders (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    setup TEXT NOT NULL,
    stage TEXT NOT NULL,
    chair TEXT NOT NULL,
    evaluators TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finalised_at TEXT
);
CREATE INDEX tenders_org ON tenders (organisation_id, name);

CREATE TABLE tender_bids (
    id TEXT PRIMARY KEY,
    tender_id TEXT NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    bidder TEXT NOT NULL,
    price_cents BIGINT NOT NULL,
    requirements TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX tender_bids_bidder ON tender_bids (tender_id, bidder);

CREATE TABLE tender_scores (
    tender_id TEXT NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    bid_id TEXT NOT NULL REFERENCES tender_bids (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    evaluator TEXT NOT NULL,
    score_hundredths BIGINT NOT NULL,
    comment TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (bid_id, criterion, evaluator)
);

CREATE TABLE tender_submissions (
    tender_id TEXT NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    evaluator TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (tender_id, evaluator)
);

CREATE TABLE tender_consensus (
    tender_id TEXT NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    bid_id TEXT NOT NULL REFERENCES tender_bids (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    score_hundredths BIGINT NOT NULL,
    motivation TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (bid_id, criterion)
);

-- Each agency's peak live count and limit per minute, for the dashboard's 24-hour chart. Kept 48 hours.
-- Every stream-counter instance samples (the counts are shared in Redis); a minute keeps the highest count sampled.
CREATE TABLE quota_sample (
    minute      timestamptz NOT NULL,
    agency      text NOT NULL CHECK (agency ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    active      integer NOT NULL CHECK (active >= 0),
    max_streams integer NOT NULL CHECK (max_streams >= 0),
    PRIMARY KEY (minute, agency)
);

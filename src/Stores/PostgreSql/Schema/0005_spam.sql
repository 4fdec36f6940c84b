-- The spam quarantine: items judged spam, held without a ticket, each releasable once. Any row of it also has a
-- sources row (outcome 'Spam'), so a replay is acknowledged and a release may still dispatch the key.
CREATE TABLE spam (
    id          bigserial PRIMARY KEY,
    source_key  text NOT NULL UNIQUE,
    status      text NOT NULL,
    at          timestamptz NOT NULL,
    doc         jsonb NOT NULL
);
CREATE INDEX spam_status ON spam (status);

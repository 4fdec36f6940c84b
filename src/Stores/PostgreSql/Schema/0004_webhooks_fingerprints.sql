-- The webhook outbox: one row per event and subscribed webhook, written in the ticket change's own transaction.
CREATE TABLE webhooks (
    id               bigserial PRIMARY KEY,
    webhook          text NOT NULL,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    abandoned_at     timestamptz NULL,
    doc              jsonb NOT NULL
);
CREATE INDEX webhooks_due ON webhooks (next_attempt_at) WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX webhooks_webhook ON webhooks (webhook);

-- A Message-ID reused in one mailbox by different content gets its own row (n = 2, 3, ...), each with the content
-- fingerprint that decides whether a later copy is a duplicate. Rows stored before this version have none.
ALTER TABLE message_ids DROP CONSTRAINT message_ids_pkey;
ALTER TABLE message_ids ADD COLUMN n integer NOT NULL DEFAULT 1;
ALTER TABLE message_ids ADD COLUMN fingerprint text NULL;
ALTER TABLE message_ids ADD COLUMN source_key text NULL;
ALTER TABLE message_ids ADD PRIMARY KEY (channel, message_id, n);

-- Tickets are JSON documents (the same shape the LiteDB store keeps), with the keys we query on as columns:
-- a new field in the Ticket model needs no migration.
CREATE TABLE tickets (
    id            bigserial PRIMARY KEY,
    number        text NOT NULL UNIQUE,
    year          integer NOT NULL,
    sequence      integer NOT NULL,
    source_key    text NOT NULL UNIQUE,
    status        text NOT NULL,
    channel_name  text NOT NULL,
    received_at   timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    doc           jsonb NOT NULL,
    UNIQUE (year, sequence)
);
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_received ON tickets (received_at, number);
CREATE INDEX tickets_due ON tickets (due_at);
CREATE INDEX tickets_channel ON tickets (channel_name);

-- One row per dispatched or quarantined source key: any row makes a replay a no-op.
CREATE TABLE sources (
    key            text PRIMARY KEY,
    outcome        text NOT NULL,
    ticket_number  text NULL,
    at             timestamptz NOT NULL
);

-- The same Message-ID in the same mailbox is a duplicate; message_id alone serves In-Reply-To/References.
CREATE TABLE message_ids (
    channel        text NOT NULL,
    message_id     text NOT NULL,
    ticket_number  text NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX message_ids_message_id ON message_ids (message_id);

-- The last ticket sequence handed out in a year; the row lock serialises writers, the row commits with its tickets.
CREATE TABLE counters (
    year   integer PRIMARY KEY,
    value  integer NOT NULL
);

CREATE TABLE outbox (
    id               bigserial PRIMARY KEY,
    ticket_number    text NOT NULL,
    to_lower         text NOT NULL,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz NULL,
    doc              jsonb NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX outbox_to ON outbox (to_lower, created_at);

CREATE TABLE quarantine (
    id          bigserial PRIMARY KEY,
    source_key  text NOT NULL UNIQUE,
    status      text NOT NULL,
    doc         jsonb NOT NULL
);

CREATE TABLE settings (
    key    text PRIMARY KEY,
    value  text NOT NULL,
    actor  text NOT NULL,
    at     timestamptz NOT NULL
);

-- Automatic mail that referred to no ticket, recorded instead of opening one.
CREATE TABLE auto_mail (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL,
    source_key  text NOT NULL,
    doc         jsonb NOT NULL
);

-- Originals and attachments, content-addressed: the same bytes are stored once.
CREATE TABLE blobs (
    sha256   text PRIMARY KEY,
    size     bigint NOT NULL,
    content  bytea NOT NULL
);

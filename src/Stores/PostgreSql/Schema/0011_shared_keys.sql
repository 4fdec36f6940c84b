-- Secrets every node must hold alike: the online form's data protection key ring and its tracking links' secret. Kept
-- by each node in its own data folder before, so a form served by one node was refused by another (CSRF) and a
-- receipt's tracking link opened only on the node that sent it.
CREATE TABLE shared_keys (
    name        text PRIMARY KEY,
    value       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

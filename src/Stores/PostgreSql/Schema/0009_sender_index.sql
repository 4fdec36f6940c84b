-- outside a transaction: the index is built concurrently, so the nodes still running keep writing tickets meanwhile.
-- An operator finds a citizen's tickets by e-mail, fiscal code, phone or fax (tickets list --sender,
-- GET /api/tickets?sender=): one GIN index over the four, queried with && (any of them equal), so the lookup does not
-- read every ticket's document. The expression must match PostgreSqlTicketStore.SenderKeys exactly.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_sender ON tickets USING gin (
    (ARRAY[lower(doc->'Sender'->>'Email'), upper(doc->'Sender'->>'FiscalCode'), doc->'Sender'->>'Phone', doc->'Sender'->>'Fax']));

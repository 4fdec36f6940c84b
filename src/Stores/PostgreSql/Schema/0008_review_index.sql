-- outside a transaction: the index is built concurrently, so the nodes still running keep writing tickets meanwhile.
-- Tickets flagged for an operator's look are the review queue (tickets list --review, GET /api/tickets?review=true):
-- a few among all tickets, so a partial index in the list's order finds them without reading every document.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_review ON tickets (received_at, number) WHERE (doc->>'NeedsReview') = 'true';

-- Each cluster node's program version as it last started, so `status` can show a cluster left half-upgraded (a node
-- in the other room still on the old build). Kept after a node stops: status lists only the nodes that check in.
CREATE TABLE node_versions (
    node        text PRIMARY KEY,
    version     text NOT NULL,
    started_at  timestamptz NOT NULL
);

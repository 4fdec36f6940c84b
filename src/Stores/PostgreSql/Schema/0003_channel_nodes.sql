-- Which node polled each channel last (clustered scheduling), for `contactcenter status`.
CREATE TABLE channel_nodes (
    channel      text PRIMARY KEY,
    node         text NOT NULL,
    polled_at    timestamptz NOT NULL
);

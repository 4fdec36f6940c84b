-- The online form's rate limits, counted for the cluster: each node counting alone let a client behind a load
-- balancer make as many requests again per node. One row per policy, client and fixed window; old windows are deleted
-- by the nodes as they go.
CREATE TABLE rate_windows (
    policy        text NOT NULL,
    client        text NOT NULL,
    window_start  timestamptz NOT NULL,
    hits          integer NOT NULL,
    PRIMARY KEY (policy, client, window_start)
);
CREATE INDEX rate_windows_start ON rate_windows (window_start);

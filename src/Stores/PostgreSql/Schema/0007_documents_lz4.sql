-- The JSON documents (a ticket is 2 to 4 kB of jsonb, past the 2 kB TOAST threshold) were compressed with pglz on
-- every insert and update: its compressor was the server's costliest function while ingesting mail. lz4 compresses
-- them several times faster, to about the same size. Only new values change (no rewrite); catalog-only, under the
-- migrator's advisory lock. A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE tickets ALTER COLUMN doc SET COMPRESSION lz4;
    ALTER TABLE outbox ALTER COLUMN doc SET COMPRESSION lz4;
    ALTER TABLE quarantine ALTER COLUMN doc SET COMPRESSION lz4;
    ALTER TABLE auto_mail ALTER COLUMN doc SET COMPRESSION lz4;
    ALTER TABLE spam ALTER COLUMN doc SET COMPRESSION lz4;
    ALTER TABLE webhooks ALTER COLUMN doc SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END
$$;

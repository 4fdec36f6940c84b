-- Originals are mostly PDFs, images and base64 parts that do not compress: pglz (the default) tried each whole before
-- giving up, and was a third of the server's CPU per archived byte. lz4 is several times faster and still compresses
-- text. Only new values change (no rewrite); the statement is catalog-only and runs under the migrator's advisory
-- lock. A server built without lz4 stores new values uncompressed instead (EXTERNAL: out of line, never compressed).
DO $$
BEGIN
    ALTER TABLE blobs ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
END
$$;

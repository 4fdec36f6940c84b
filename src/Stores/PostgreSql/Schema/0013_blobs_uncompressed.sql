-- Originals are never compressed (EXTERNAL). Nearly all of their bytes are PDFs, images and base64 parts that neither
-- lz4 nor pglz can shrink, yet both tried each value whole: inserting 97 MB of such blobs (20 PDFs of 2 MB, decoded
-- and as base64) took the server 1.65-1.69 s of CPU with lz4, 1.40 s with pglz and 0.72-0.79 s uncompressed
-- (PostgreSQL 15, 2026-12-07). A blob of up to about 8 kB (most text e-mails) stays in its row instead of going out
-- to the TOAST table in 2 kB chunks (toast_tuple_target): the batches' small blobs took 84 ms of the server's time per
-- 2,000 messages against 125 ms. Only new values change (no rewrite); catalog-only, under the migrator's lock.
ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE blobs SET (toast_tuple_target = 8160);

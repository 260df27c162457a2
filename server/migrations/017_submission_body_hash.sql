-- A keyed hash of the body each requestId was first sent with: a retry with the same body gets the
-- same tracking code, a different body under the same requestId is refused (409 REQUEST_ID_REUSED)
-- instead of being handed someone else's code. Rows from before have none and are treated as retries.
ALTER TABLE submissions ADD COLUMN body_hash TEXT;

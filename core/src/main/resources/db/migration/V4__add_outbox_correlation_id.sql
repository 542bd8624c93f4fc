-- The correlation id of the request that stored the event, sent on as an SQS message
-- attribute so the worker's log lines can be joined with the web tier's.
ALTER TABLE outbox ADD COLUMN correlation_id text;

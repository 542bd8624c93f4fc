-- The transactional outbox: an event is stored in the same transaction as the order it
-- describes, and the relay sends it to SQS afterwards. A crash between the two loses nothing.
CREATE TABLE outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type   text NOT NULL,
    aggregate_id uuid NOT NULL,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);

-- The relay only ever looks for unsent events, oldest first; this index stays small.
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;

-- Orders and their lines. An order is written once, with its lines and its outbox event,
-- in one transaction; afterwards only its status moves (ACCEPTED -> PROCESSED).
CREATE TABLE orders (
    id                  uuid PRIMARY KEY,
    -- The client's Idempotency-Key: a retried POST finds the order it already created.
    idempotency_key     text NOT NULL UNIQUE,
    -- SHA-256 of the request as understood, so a key reused for another body is refused.
    request_fingerprint text NOT NULL,
    customer_email      text NOT NULL,
    status              text NOT NULL CHECK (status IN ('ACCEPTED', 'PROCESSED')),
    total_cents         bigint NOT NULL CHECK (total_cents >= 0),
    created_at          timestamptz NOT NULL,
    processed_at        timestamptz,
    receipt_key         text,
    CHECK ((status = 'PROCESSED') = (processed_at IS NOT NULL AND receipt_key IS NOT NULL))
);

-- Keyset pagination, newest first, with and without a status filter.
CREATE INDEX orders_newest_first ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_status_newest_first ON orders (status, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id         uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          int NOT NULL CHECK (line_no >= 0),
    sku              text NOT NULL REFERENCES products (sku),
    name             text NOT NULL,
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents > 0),
    quantity         int NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);

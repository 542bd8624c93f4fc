-- The catalogue the web tier prices orders from: prices are never taken from the client.
CREATE TABLE products (
    sku         text PRIMARY KEY CHECK (sku ~ '^[A-Z0-9-]{1,32}$'),
    name        text NOT NULL,
    price_cents bigint NOT NULL CHECK (price_cents > 0)
);

INSERT INTO products (sku, name, price_cents) VALUES
    ('MUG-01',    'Failover mug',                 1200),
    ('TEE-01',    'Multi-AZ T-shirt',             2500),
    ('STICK-01',  'Circuit breaker sticker pack',  400),
    ('BOOK-01',   'Release It! (2nd edition)',    3900),
    ('HOODIE-01', 'Graceful shutdown hoodie',     5500);

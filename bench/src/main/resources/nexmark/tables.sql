-- The three Nexmark tables, the same text for Sluice and Flink: both have a 'nexmark' connector
-- over Sluice's generator with these options. ${events} and ${base-time} are filled in by the
-- runner; the rate is Flink Nexmark's default. Each table generates only its own kind of event.
CREATE TABLE person (
    id BIGINT,
    name VARCHAR,
    emailAddress VARCHAR,
    creditCard VARCHAR,
    city VARCHAR,
    state VARCHAR,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'event-type' = 'person',
    'events.num' = '${events}',
    'first-event.rate' = '10000000',
    'base-time' = '${base-time}'
);

CREATE TABLE auction (
    id BIGINT,
    itemName VARCHAR,
    description VARCHAR,
    initialBid BIGINT,
    reserve BIGINT,
    `dateTime` TIMESTAMP(3),
    expires TIMESTAMP(3),
    seller BIGINT,
    category BIGINT,
    extra VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'event-type' = 'auction',
    'events.num' = '${events}',
    'first-event.rate' = '10000000',
    'base-time' = '${base-time}'
);

CREATE TABLE bid (
    auction BIGINT,
    bidder BIGINT,
    price BIGINT,
    channel VARCHAR,
    url VARCHAR,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'event-type' = 'bid',
    'events.num' = '${events}',
    'first-event.rate' = '10000000',
    'base-time' = '${base-time}'
);

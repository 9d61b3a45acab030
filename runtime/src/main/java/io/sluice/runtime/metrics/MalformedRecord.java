package io.sluice.runtime.metrics;

import static java.util.Objects.requireNonNull;

/**
 * A record a source could not read, kept as an example for the user.
 *
 * @param location where the record was, e.g. {@code /data/bids.csv line 17} or
 *                 {@code topic bids partition 2 offset 9912}
 * @param reason   what was wrong with it, e.g. {@code column 'price': 'abc' is not a BIGINT}
 * @param record   the record's text, shortened if long
 */
public record MalformedRecord(String location, String reason, String record) {
    public MalformedRecord {
        requireNonNull(location, "location is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(record, "record is null");
    }

    @Override
    public String toString() {
        return location + ": " + reason + ": " + record;
    }
}

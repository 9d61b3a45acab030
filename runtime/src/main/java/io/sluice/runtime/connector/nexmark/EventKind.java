package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.NexmarkField.Type.BIGINT;
import static io.sluice.runtime.connector.nexmark.NexmarkField.Type.TIMESTAMP;
import static io.sluice.runtime.connector.nexmark.NexmarkField.Type.VARCHAR;

import java.util.List;

/**
 * The three kinds of Nexmark events and their fields. A field's position in {@link #fields()} is
 * its index in the kind's {@link EventBuffer}.
 */
public enum EventKind {
    PERSON("person", List.of(
            new NexmarkField("id", BIGINT),
            new NexmarkField("name", VARCHAR),
            new NexmarkField("emailAddress", VARCHAR),
            new NexmarkField("creditCard", VARCHAR),
            new NexmarkField("city", VARCHAR),
            new NexmarkField("state", VARCHAR),
            new NexmarkField("dateTime", TIMESTAMP),
            new NexmarkField("extra", VARCHAR))),
    AUCTION("auction", List.of(
            new NexmarkField("id", BIGINT),
            new NexmarkField("itemName", VARCHAR),
            new NexmarkField("description", VARCHAR),
            new NexmarkField("initialBid", BIGINT),
            new NexmarkField("reserve", BIGINT),
            new NexmarkField("dateTime", TIMESTAMP),
            new NexmarkField("expires", TIMESTAMP),
            new NexmarkField("seller", BIGINT),
            new NexmarkField("category", BIGINT),
            new NexmarkField("extra", VARCHAR))),
    BID("bid", List.of(
            new NexmarkField("auction", BIGINT),
            new NexmarkField("bidder", BIGINT),
            new NexmarkField("price", BIGINT),
            new NexmarkField("channel", VARCHAR),
            new NexmarkField("url", VARCHAR),
            new NexmarkField("dateTime", TIMESTAMP),
            new NexmarkField("extra", VARCHAR)));

    private final String identifier;
    private final List<NexmarkField> fields;

    EventKind(String identifier, List<NexmarkField> fields) {
        this.identifier = identifier;
        this.fields = fields;
    }

    /** The name users write in {@code 'event-type'}. */
    public String identifier() {
        return identifier;
    }

    public List<NexmarkField> fields() {
        return fields;
    }

    /** The index of the field with exactly this name, or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

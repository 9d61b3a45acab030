package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * The metadata a column reads: {@code METADATA [FROM 'key'] [VIRTUAL]}. The key defaults to the
 * column's name; a virtual column is read-only (excluded when writing to the table).
 */
public record MetadataSpec(String key, boolean virtual) {
    public MetadataSpec {
        requireNonNull(key, "key is null");
    }
}

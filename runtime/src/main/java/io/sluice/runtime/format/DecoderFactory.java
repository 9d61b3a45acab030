package io.sluice.runtime.format;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Makes decoders of one configured format; shared across tasks, so immutable. */
public interface DecoderFactory {
    /** A decoder writing into {@code target}, whose schema is the one the format was made for. */
    RecordDecoder create(VectorSchemaRoot target);

    /**
     * True if each file (or other whole input) starts with a header line that holds no record,
     * as with {@code 'csv.header'}. Connectors that read lines skip that line; others ignore this.
     */
    default boolean hasHeaderLine() {
        return false;
    }
}

package io.sluice.runtime.format;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Makes decoders of one configured format; shared across tasks, so immutable. */
public interface DecoderFactory {
    /** A decoder writing into {@code target}, whose schema is the one the format was made for. */
    RecordDecoder create(VectorSchemaRoot target);
}

package io.sluice.runtime.format;

import io.sluice.runtime.changelog.ChangelogMode;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Makes decoders of one configured format; shared across tasks, so immutable. */
public interface DecoderFactory {
    /**
     * A decoder writing into {@code target}, whose schema is the one the format was made for, and
     * for a changelog format ({@link #changelogMode()}) the row-kind column after it.
     */
    RecordDecoder create(VectorSchemaRoot target);

    /**
     * True if each file (or other whole input) starts with a header line that holds no record,
     * as with {@code 'csv.header'}. Connectors that read lines skip that line; others ignore this.
     */
    default boolean hasHeaderLine() {
        return false;
    }

    /**
     * The kinds of rows the decoded records make: insert-only for a format of rows (the default);
     * a changelog for a format of changes such as {@code debezium-json}, whose decoders set each
     * row's kind in the row-kind column (see {@link io.sluice.runtime.changelog.RowKinds}).
     */
    default ChangelogMode changelogMode() {
        return ChangelogMode.INSERT_ONLY;
    }
}

package io.sluice.runtime.format;

import io.sluice.runtime.changelog.ChangelogMode;

/** Makes encoders of one configured format; shared across tasks, so immutable. */
public interface EncoderFactory {
    RecordEncoder create();

    /**
     * The line that starts each file written in this format (without its line end), such as the
     * column names of {@code 'csv.header'}, or null for none. Connectors that write lines to files
     * write it; others ignore it.
     */
    default byte[] headerLine() {
        return null;
    }

    /**
     * The kinds of rows the format can write: insert-only for a format of rows (the default); a
     * changelog for a format of changes such as {@code debezium-json}, whose encoders read each
     * row's kind from a batch's row-kind column when it has one, and take a batch without one as
     * inserts.
     */
    default ChangelogMode changelogMode() {
        return ChangelogMode.INSERT_ONLY;
    }
}

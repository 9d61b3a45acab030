package io.sluice.runtime.format;

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
}

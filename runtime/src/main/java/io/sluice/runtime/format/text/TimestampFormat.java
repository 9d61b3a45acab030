package io.sluice.runtime.format.text;

/** The text forms a TIMESTAMP may take, as Flink's {@code 'json.timestamp-format.standard'} names them. */
public enum TimestampFormat {
    /** {@code yyyy-MM-dd HH:mm:ss[.fffffffff]}. */
    SQL("yyyy-MM-dd HH:mm:ss[.fff]"),
    /** {@code yyyy-MM-ddTHH:mm:ss[.fffffffff]}, and the SQL form too. */
    ISO_8601("yyyy-MM-ddTHH:mm:ss[.fff]");

    private final String pattern;

    TimestampFormat(String pattern) {
        this.pattern = pattern;
    }

    /** The form, for error messages. */
    public String pattern() {
        return pattern;
    }
}

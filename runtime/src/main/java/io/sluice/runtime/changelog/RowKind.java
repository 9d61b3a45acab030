package io.sluice.runtime.changelog;

/**
 * What a row of a changelog does to the result it describes, as Flink's {@code RowKind}: insert
 * ({@code +I}), the old value of an update ({@code -U}), its new value ({@code +U}), or delete
 * ({@code -D}). A changelog batch stores each row's kind as the byte {@link #code()} in its
 * row-kind column (see {@link RowKinds}).
 */
public enum RowKind {
    INSERT("+I"),
    UPDATE_BEFORE("-U"),
    UPDATE_AFTER("+U"),
    DELETE("-D");

    private static final RowKind[] BY_CODE = values();

    private final String shortString;

    RowKind(String shortString) {
        this.shortString = shortString;
    }

    /** The byte a row-kind column holds for this kind. */
    public byte code() {
        return (byte) ordinal();
    }

    /** The kind a row-kind column's byte stands for. */
    public static RowKind ofCode(byte code) {
        return BY_CODE[code];
    }

    /** True for the kinds that add a row to the result ({@code +I}, {@code +U}). */
    public boolean adds() {
        return this == INSERT || this == UPDATE_AFTER;
    }

    /** True for the kinds that take a row out of the result ({@code -U}, {@code -D}). */
    public static boolean retracts(byte code) {
        return code == UPDATE_BEFORE.code() || code == DELETE.code();
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}, as Flink prints it. */
    public String shortString() {
        return shortString;
    }

    /** The kind printed as {@link #shortString()}, or null if the text is none of them. */
    public static RowKind ofShortString(String text) {
        for (RowKind kind : BY_CODE) {
            if (kind.shortString.equals(text)) {
                return kind;
            }
        }
        return null;
    }
}

package io.sluice.runtime.format.text;

/** Spaces and tabs around a value, which the parsers ignore (as Flink's formats trim them). */
final class Blanks {
    private Blanks() {
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    /** The first index in {@code [from, to)} that is not blank, or {@code to}. */
    static int skipLeading(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && isBlank(bytes[i])) {
            i++;
        }
        return i;
    }

    /** The end of {@code [from, to)} without its trailing blanks. */
    static int skipTrailing(byte[] bytes, int from, int to) {
        int i = to;
        while (i > from && isBlank(bytes[i - 1])) {
            i--;
        }
        return i;
    }
}

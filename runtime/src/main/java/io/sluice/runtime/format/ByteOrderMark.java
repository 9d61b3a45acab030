package io.sluice.runtime.format;

/**
 * The UTF-8 byte-order mark ({@code EF BB BF}), which some tools write at the start of a text
 * file. It says only that the text is UTF-8, so a reader skips it where a text starts: at the
 * start of a file, of a socket's stream, of a Kafka record's value. Anywhere else it is the
 * character U+FEFF and belongs to the data.
 */
public final class ByteOrderMark {
    /** Length of the mark in bytes. */
    public static final int LENGTH = 3;

    private ByteOrderMark() {
    }

    /** {@link #LENGTH} if {@code bytes[offset, offset + length)} starts with the mark, else 0. */
    public static int at(byte[] bytes, int offset, int length) {
        return length >= LENGTH && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF ? LENGTH : 0;
    }
}

package io.sluice.runtime.format;

import java.util.Arrays;

/**
 * A growable byte array that encoders write records into and sinks read them from. Reused for
 * every record, so writing allocates only when a record is longer than any before it.
 */
public final class RecordBuffer {
    private byte[] bytes;
    private int length;

    public RecordBuffer() {
        this(256);
    }

    public RecordBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** The buffer's array; bytes {@code [0, length())} are the content. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    /** Drops the content after the first {@code newLength} bytes. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Makes room for {@code extra} more bytes and returns the position where they go. */
    public int reserve(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
        return length;
    }

    /** Marks {@code count} reserved bytes as written. */
    public void advance(int count) {
        length += count;
    }

    public RecordBuffer append(byte b) {
        reserve(1);
        bytes[length++] = b;
        return this;
    }

    public RecordBuffer append(byte[] source, int offset, int count) {
        reserve(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    public RecordBuffer append(byte[] source) {
        return append(source, 0, source.length);
    }

    /** Appends characters that are all ASCII, such as a number's or a timestamp's text. */
    public RecordBuffer appendAscii(CharSequence text) {
        int count = text.length();
        reserve(count);
        for (int i = 0; i < count; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Appends a whole number in decimal without making a string. */
    public RecordBuffer appendLong(long value) {
        if (value == Long.MIN_VALUE) {
            return appendAscii("-9223372036854775808");
        }
        reserve(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
        return this;
    }
}

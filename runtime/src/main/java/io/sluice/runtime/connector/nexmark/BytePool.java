package io.sluice.runtime.connector.nexmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed list of strings packed as UTF-8 into one array, so rows can point at them. The array
 * ends with {@link StringColumn#SLACK} spare bytes.
 */
final class BytePool {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] lengths;

    private BytePool(byte[] bytes, int[] offsets, int[] lengths) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    static BytePool of(List<String> values) {
        Builder builder = new Builder();
        for (String value : values) {
            builder.append(value.getBytes(StandardCharsets.UTF_8)).endValue();
        }
        return builder.build();
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return offsets.length;
    }

    int offset(int index) {
        return offsets[index];
    }

    int length(int index) {
        return lengths[index];
    }

    /** Appends values byte by byte, so large pools are made without a String per value. */
    static final class Builder {
        private final ByteArrayOutputStream packed = new ByteArrayOutputStream();
        private int[] offsets = new int[16];
        private int count;
        private int valueStart;

        Builder append(byte[] part) {
            packed.writeBytes(part);
            return this;
        }

        Builder append(byte b) {
            packed.write(b);
            return this;
        }

        /** Appends the decimal digits of a non-negative number. */
        Builder appendDecimal(long number) {
            byte[] digits = new byte[19];
            int start = digits.length;
            long rest = number;
            do {
                digits[--start] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            packed.write(digits, start, digits.length - start);
            return this;
        }

        /** Ends the current value: what was appended since the previous value is one string. */
        Builder endValue() {
            if (count + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count++] = valueStart;
            valueStart = packed.size();
            return this;
        }

        BytePool build() {
            int[] starts = Arrays.copyOf(offsets, count);
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                int end = i + 1 < count ? starts[i + 1] : valueStart;
                lengths[i] = end - starts[i];
            }
            return new BytePool(Arrays.copyOf(packed.toByteArray(), valueStart + StringColumn.SLACK), starts,
                    lengths);
        }
    }
}

package io.sluice.runtime.format.text;

import java.nio.charset.StandardCharsets;

/** Test input: text placed in the middle of a larger array, so that offsets are exercised. */
final class Bytes {
    private Bytes() {
    }

    static byte[] padded(String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[value.length + 6];
        bytes[0] = '9';
        bytes[1] = '9';
        bytes[2] = '9';
        System.arraycopy(value, 0, bytes, 3, value.length);
        bytes[bytes.length - 3] = '9';
        bytes[bytes.length - 2] = '9';
        bytes[bytes.length - 1] = '9';
        return bytes;
    }

    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

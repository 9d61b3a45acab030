package io.sluice.runtime.format.text;

/**
 * Finds bytes that are not well-formed UTF-8: stray continuation bytes, cut sequences, overlong
 * forms, surrogates, code points above U+10FFFF (the Unicode standard's table of well-formed
 * byte sequences, which the JDK's strict decoder follows too). Byte by byte, without decoding or
 * allocating; ASCII text, the common case, is one comparison a byte.
 */
final class Utf8Check {
    private Utf8Check() {
    }

    /**
     * The offset, from {@code offset}, of the first byte of the first sequence that is not
     * well-formed UTF-8; -1 if there is none.
     */
    static int firstMalformed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int size;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                size = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                size = 3;
                if (lead == 0xE0) {
                    secondMin = 0xA0;  // no overlong forms
                } else if (lead == 0xED) {
                    secondMax = 0x9F;  // no surrogates
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                size = 4;
                if (lead == 0xF0) {
                    secondMin = 0x90;  // no overlong forms
                } else if (lead == 0xF4) {
                    secondMax = 0x8F;  // nothing above U+10FFFF
                }
            } else {
                return i - offset;
            }
            if (i + size > end) {
                return i - offset;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return i - offset;
            }
            for (int k = 2; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i - offset;
                }
            }
            i += size;
        }
        return -1;
    }
}

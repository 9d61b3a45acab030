package io.sluice.runtime.format.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Finds bytes that are not well-formed UTF-8 (stray continuation bytes, cut sequences, overlong
 * forms, surrogates, code points above U+10FFFF) with the JDK's strict decoder. ASCII text, the
 * common case, is passed by a plain loop without the decoder. Used by one thread; it allocates
 * only for text with non-ASCII bytes.
 */
final class Utf8Check {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private CharBuffer chars = CharBuffer.allocate(64);

    /** The offset, from {@code offset}, of the first byte that is not well-formed UTF-8; -1 if none. */
    int firstMalformed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return -1;
        }
        // Each byte decodes to at most one char, a four-byte sequence to two.
        if (chars.capacity() < end - i) {
            chars = CharBuffer.allocate(end - i);
        }
        chars.clear();
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, i, end - i);
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        return result.isError() ? in.position() - offset : -1;
    }
}

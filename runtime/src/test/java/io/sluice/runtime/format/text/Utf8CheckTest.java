package io.sluice.runtime.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The check against the JDK's strict UTF-8 decoder, an independent judge of well-formed UTF-8. */
class Utf8CheckTest {
    @Test
    void findsWhatTheStrictDecoderFindsWhereItFindsIt() {
        Random random = new Random(20261207);
        // Bytes drawn mostly from around the boundaries of the table of well-formed sequences.
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
            0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)]);
            }
            int offset = random.nextInt(bytes.length);
            int length = random.nextInt(bytes.length - offset + 1);
            assertEquals(strictDecoder(bytes, offset, length), Utf8Check.firstMalformed(bytes, offset, length),
                    () -> "bytes " + java.util.HexFormat.of().formatHex(bytes, offset, offset + length));
        }
    }

    @Test
    void wellFormedTextOfEveryLengthPasses() {
        String text = "a\u00e9\u20ac\ud83d\ude00z";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, Utf8Check.firstMalformed(bytes, 0, bytes.length));
        assertEquals(1, Utf8Check.firstMalformed(bytes, 0, 2), "a cut two-byte sequence");
    }

    private static int strictDecoder(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(length + 1), true);
        if (!result.isError()) {
            result = decoder.flush(CharBuffer.allocate(1));
        }
        return result.isError() ? in.position() - offset : -1;
    }
}

package io.sluice.runtime.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A message is kept whole up to its bound; a longer one is cut, and says by how much. */
class SluiceExceptionMessageTest {
    @Test
    void aShortMessageIsKeptWhole() {
        String message = "y".repeat(SluiceException.MAX_MESSAGE_LENGTH);
        assertEquals(message, new SluiceException(ErrorCode.DATA_ERROR, message).getMessage());
    }

    @Test
    void aLongMessageIsCutWithANote() {
        String message = "x".repeat(10_000_000);
        SluiceException e = new SluiceException(ErrorCode.DATA_ERROR, message).at(3, 7);
        String expectedKept = "x".repeat(SluiceException.MAX_MESSAGE_LENGTH - 64);
        // 10,000,000 - (4,096 - 64) = 9,995,968 characters cut
        assertEquals("line 3, column 7: " + expectedKept + "... (9995968 more characters cut)", e.getMessage());
        assertTrue(e.detail().length() <= SluiceException.MAX_MESSAGE_LENGTH);
    }
}

package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The shell and scripts print an error as one line, an internal one too: its stack trace goes to the log. */
class ErrorTextTest {
    @Test
    void anInternalErrorPrintsNoStackTrace() {
        StringWriter text = new StringWriter();
        SluiceException e = ErrorText.of(new IllegalStateException("broken"));
        ErrorText.print(e, new PrintWriter(text));
        String printed = text.toString();
        assertFalse(printed.contains("\tat "), printed);
        assertEquals("ERROR XX000: internal error (this is a bug in Sluice): java.lang.IllegalStateException: broken",
                printed.lines().findFirst().orElseThrow());
    }

    @Test
    void aUserErrorIsItsLine() {
        StringWriter text = new StringWriter();
        ErrorText.print(new SluiceException(ErrorCode.LIMIT_EXCEEDED, "too long", 2, 5, null), new PrintWriter(text));
        assertEquals("ERROR 54000: line 2, column 5: too long" + System.lineSeparator(), text.toString());
    }
}

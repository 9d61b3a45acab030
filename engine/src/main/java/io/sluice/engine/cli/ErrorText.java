package io.sluice.engine.cli;

import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;

/** How the shell and scripts report an error: {@code ERROR <SQLState>: line L, column C: ...}. */
final class ErrorText {
    private ErrorText() {
    }

    /** The error as a user error, or as an internal one if it is not a {@link SluiceException}. */
    static SluiceException of(RuntimeException e) {
        return e instanceof SluiceException sluice ? sluice : SluiceException.internal(e.toString(), e);
    }

    /** Prints the error's line; an internal error's stack trace follows, for the bug report. */
    static void print(SluiceException e, PrintWriter err) {
        err.println("ERROR " + e.sqlState() + ": " + e.getMessage());
        if (e.code().isInternal()) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}

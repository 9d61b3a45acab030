package io.sluice.engine.cli;

import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the shell and scripts report an error: {@code ERROR <SQLState>: line L, column C: ...}. A
 * stack trace never reaches the terminal: an internal error's goes to the log, which the shell
 * and scripts keep in a file ({@link Main#LOG_FILE}).
 */
final class ErrorText {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorText.class);

    private ErrorText() {
    }

    /** The error as a user error, or as an internal one if it is not a {@link SluiceException}. */
    static SluiceException of(RuntimeException e) {
        return e instanceof SluiceException sluice ? sluice : SluiceException.internal(e.toString(), e);
    }

    /** Prints the error's line; an internal error's stack trace goes to the log, for the bug report. */
    static void print(SluiceException e, PrintWriter err) {
        err.println("ERROR " + e.sqlState() + ": " + e.getMessage());
        if (e.code().isInternal()) {
            LOG.error("{}", e.getMessage(), e);
            String logFile = System.getProperty(Main.LOG_FILE);
            if (logFile != null) {
                err.println("(the details are in " + logFile + ")");
            }
        }
        err.flush();
    }
}

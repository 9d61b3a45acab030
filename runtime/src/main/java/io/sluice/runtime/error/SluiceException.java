package io.sluice.runtime.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type that crosses module boundaries. It carries an {@link ErrorCode} (and so
 * a SQLState) and, for errors in SQL text, the line and column where the problem is, counted from
 * 1 and relative to the script or statement the user gave. A message is at most
 * {@link #MAX_MESSAGE_LENGTH} characters: what is over is cut, with a note that says so (a message
 * may quote SQL or data, and a client's screen or connection must not drown in it).
 */
public class SluiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The most characters a message keeps. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private final ErrorCode code;
    private final int line;
    private final int column;

    public SluiceException(ErrorCode code, String message) {
        this(code, message, 0, 0, null);
    }

    public SluiceException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, 0, cause);
    }

    public SluiceException(ErrorCode code, String message, int line, int column, Throwable cause) {
        super(bounded(requireNonNull(message, "message is null")), cause);
        this.code = requireNonNull(code, "code is null");
        this.line = line;
        this.column = column;
    }

    private static String bounded(String message) {
        if (message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        // room for the note, whose number has at most 19 digits
        int kept = MAX_MESSAGE_LENGTH - 64;
        return message.substring(0, kept) + "... (" + (message.length() - kept) + " more characters cut)";
    }

    /** An error that is Sluice's fault, not the user's: the message says so. */
    public static SluiceException internal(String what, Throwable cause) {
        return new SluiceException(ErrorCode.INTERNAL_ERROR,
                "internal error (this is a bug in Sluice): " + what, cause);
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }

    public boolean hasPosition() {
        return line > 0;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String detail() {
        return super.getMessage();
    }

    /** The same error placed at a position, for errors found after the text was split up. */
    public SluiceException at(int newLine, int newColumn) {
        SluiceException moved = new SluiceException(code, detail(), newLine, newColumn, getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    @Override
    public String getMessage() {
        return hasPosition() ? "line " + line + ", column " + column + ": " + detail() : detail();
    }
}

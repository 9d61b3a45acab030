package io.sluice.runtime.format.text;

/**
 * A value that cannot be read as its column's type. The message completes a sentence about the
 * value, e.g. {@code is out of range for INT}, so that a decoder can say
 * {@code column 'v': '3000000000' is out of range for INT}.
 *
 * <p>Malformed values are expected data, not bugs, so the exception carries no stack trace and
 * costs little to throw; decoders catch it and report the record as malformed.
 */
public final class MalformedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedValueException(String problem) {
        super(problem, null, false, false);
    }
}

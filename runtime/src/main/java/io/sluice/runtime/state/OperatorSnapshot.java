package io.sluice.runtime.state;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The frame around one operator's snapshot: a header that names the operator's kind and the
 * shape of its state (what its plan fixes: schemas, window, accumulator fields), then its state,
 * then an end mark and a CRC-32 of the header and state. Reading checks each, so a snapshot
 * restored into the wrong operator, into an operator of a changed plan, or damaged, fails with a
 * clear {@link SluiceException} instead of filling the operator with nonsense. An operator's
 * state inside the frame is written with its own version-independent layout (arrays and Arrow
 * buffers, no Java serialization).
 */
public final class OperatorSnapshot {
    /** "SLOP": a Sluice operator snapshot starts here. */
    private static final int MAGIC = 0x534C4F50;
    private static final int VERSION = 1;
    /** "SLOPEND!", written after the state, so that a state read short or long is noticed. */
    private static final long END = 0x534C4F50454E4421L;

    private OperatorSnapshot() {
    }

    /** Writes or reads the state inside the frame. */
    @FunctionalInterface
    public interface Body {
        void run() throws IOException;
    }

    /**
     * Writes a snapshot: the header, what {@code body} writes to {@code out}, the end mark and the
     * checksum.
     *
     * @param kind  the operator's name ({@code OperatorFactory.name()})
     * @param shape what the operator's plan fixes about its state, compared when it is restored
     */
    public static void write(StateWriter out, String kind, String shape, Body body) throws IOException {
        out.writeInt(MAGIC);
        out.startChecksum();
        out.writeInt(VERSION);
        out.writeString(kind);
        out.writeString(shape);
        body.run();
        long checksum = out.checksum();
        out.writeLong(END);
        out.writeLong(checksum);
    }

    /**
     * Reads a snapshot {@link #write} wrote, with {@code body} reading the state from {@code in}.
     * A snapshot of another kind or shape, of another version, or damaged, is a
     * {@link SluiceException}; so is any failure while the state is read, except a
     * {@code SluiceException} already (such as the query's memory limit, 53200, which state on the
     * heap reaches) and Arrow's {@link OutOfMemoryException} (the limit reached by buffers), which
     * stay what they are. The operator is closed afterwards as usual, which frees whatever a failed
     * read had restored.
     */
    public static void read(StateReader in, String kind, String shape, Body body) {
        readHeader(in, kind, shape);
        try {
            body.run();
            long checksum = in.checksum();
            if (in.readLong() != END) {
                throw new IOException("its state does not end where it should");
            }
            if (in.readLong() != checksum) {
                throw new IOException("its checksum does not match its contents");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SluiceException || e instanceof OutOfMemoryException) {
                // the state fits no more memory than the query may hold: the query's memory limit, as when running
                throw (RuntimeException) e;
            }
            throw corrupt(kind, e);
        }
    }

    private static void readHeader(StateReader in, String kind, String shape) {
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException("it does not start as an operator's snapshot does");
            }
            in.startChecksum();
            int version = in.readInt();
            if (version != VERSION) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "cannot restore the state of " + kind
                        + ": its snapshot has format version " + version + ", this engine reads version " + VERSION);
            }
            String writtenKind = in.readString();
            if (!writtenKind.equals(kind)) {
                throw mismatch(kind, "it is the state of a " + writtenKind + " operator");
            }
            String writtenShape = in.readString();
            if (!writtenShape.equals(shape)) {
                throw mismatch(kind, "it was taken over " + writtenShape + ", and this " + kind + " is over " + shape);
            }
        } catch (IOException e) {
            throw corrupt(kind, e);
        }
    }

    private static SluiceException mismatch(String kind, String why) {
        return new SluiceException(ErrorCode.DATA_ERROR,
                "cannot restore the state of " + kind + " from this snapshot: " + why + " (the query changed?)");
    }

    private static SluiceException corrupt(String kind, Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SluiceException(ErrorCode.IO_ERROR, "cannot restore the state of " + kind
                + ": its snapshot is damaged or incomplete (" + why + ")", cause);
    }
}

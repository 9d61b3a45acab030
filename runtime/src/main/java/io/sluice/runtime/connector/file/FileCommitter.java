package io.sluice.runtime.connector.file;

import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the part files a checkpoint holds visible: renames each hidden
 * {@code .part-...inprogress} file to its final name. A part already renamed is committed; one
 * found under neither name was taken away after it was committed (by whatever reads the
 * directory), and is left so.
 */
final class FileCommitter implements SinkCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(FileCommitter.class);

    @Override
    public void commit(long checkpointId, List<byte[]> committables) {
        for (byte[] committable : committables) {
            for (Path part : fromBytes(committable)) {
                try {
                    if (!publish(part)) {
                        LOG.warn("file sink: part '{}' of checkpoint {} is neither in progress nor finished; it was"
                                + " removed after it was committed", finalName(part), checkpointId);
                    }
                } catch (IOException e) {
                    throw new SluiceException(ErrorCode.IO_ERROR, "file sink: cannot commit the part '" + part
                            + "' of checkpoint " + checkpointId + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Renames a hidden part to its final name; false if it is under neither (true if already renamed). */
    static boolean publish(Path part) throws IOException {
        Path target = finalName(part);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return Files.exists(target);
        }
    }

    /** {@code .part-x.inprogress} to {@code part-x}. */
    static Path finalName(Path part) {
        String name = part.getFileName().toString();
        return part.resolveSibling(name.substring(1, name.length() - ".inprogress".length()));
    }

    static byte[] toBytes(List<Path> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(parts.size());
            for (Path part : parts) {
                out.writeUTF(part.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Path> fromBytes(byte[] bytes) {
        List<Path> parts = new ArrayList<>();
        if (bytes.length == 0) {
            return parts;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                parts.add(Path.of(in.readUTF()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }
}

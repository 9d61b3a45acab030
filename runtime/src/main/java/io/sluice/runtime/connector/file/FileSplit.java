package io.sluice.runtime.connector.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A byte range of one file, read by one task: the lines that start in {@code [start, end)}.
 * A line that crosses {@code end} is read whole by this split; the next split skips it.
 * {@code fileSize} is the file's size when the splits were planned: a file found shorter while
 * it is read has been truncated.
 */
record FileSplit(Path path, long start, long end, long fileSize) {
    FileSplit {
        requireNonNull(path, "path is null");
        if (start < 0 || end < start || fileSize < end) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ") of " + path);
        }
    }
}

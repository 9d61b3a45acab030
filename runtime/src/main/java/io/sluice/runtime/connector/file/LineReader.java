package io.sluice.runtime.connector.file;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.ByteOrderMark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of one {@link FileSplit} with large positional reads into a reusable array,
 * finding line ends in the bytes. A split that starts inside a line skips to the next line start;
 * the line that crosses the split's end is read whole. A trailing {@code \r} is dropped, and so
 * is a UTF-8 byte-order mark at the start of the file (see {@link ByteOrderMark}).
 *
 * <p>A line longer than the longest allowed is returned truncated and flagged (see
 * {@link #isTruncated()}), and the rest of it is skipped, so one bad line cannot exhaust memory.
 *
 * <p>A file deleted before its split is opened, or found shorter than when the splits were
 * planned (truncated), is an error ({@link ErrorCode#IO_ERROR}) naming the file and what
 * happened, so that its lines are never lost silently. A file deleted after it was opened is
 * read to its end, as the open file keeps its content (on POSIX systems).
 */
final class LineReader implements AutoCloseable {
    private final Path path;
    private final long fileSize;
    private final FileChannel channel;
    private final long start;
    private final long end;
    private final int maxLineBytes;
    private byte[] buffer;
    private ByteBuffer view;
    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;
    private int position;
    private int limit;
    private boolean endOfFile;

    private int lineStart;
    private int lineEnd;
    private boolean truncated;
    private boolean skipRestOfLine;
    private long linesRead;
    private long firstLineOffset = -1;
    /** The 1-based number of the split's first line in the file; 0 until counted. */
    private long firstLineNumber;

    LineReader(FileSplit split, int bufferSize, int maxLineBytes) throws IOException {
        this.path = split.path();
        this.fileSize = split.fileSize();
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "file '" + path + "' was deleted while the query read it", e);
        }
        long size = channel.size();
        if (size < fileSize) {
            channel.close();
            throw truncated(size);
        }
        this.start = split.start();
        this.end = split.end();
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.min(bufferSize, maxLineBytes)];
        this.view = ByteBuffer.wrap(buffer);
        if (start == 0) {
            firstLineNumber = 1;
        } else {
            // From the byte before the split: if it ends a line, the split starts with a whole line.
            bufferOffset = start - 1;
            skipRestOfLine = true;
        }
    }

    /** Advances to the next line that starts in the split; false when there is none. */
    boolean next() throws IOException {
        if (skipRestOfLine) {
            skipToNextLine();
        }
        long offset = bufferOffset + position;
        if (offset >= end) {
            return false;
        }
        int scanned = position;
        while (true) {
            int newline = indexOfNewline(scanned, limit);
            if (newline >= 0) {
                setLine(position, newline, false);
                position = newline + 1;
                break;
            }
            if (endOfFile) {
                if (position == limit) {
                    return false;
                }
                setLine(position, limit, false);
                position = limit;
                break;
            }
            if (limit - position >= maxLineBytes) {
                setLine(position, position + maxLineBytes, true);
                position = limit;
                skipRestOfLine = true;
                break;
            }
            int unscanned = limit - position;
            fill();
            scanned = position + unscanned;
        }
        if (offset == 0) {
            lineStart += ByteOrderMark.at(buffer, lineStart, lineEnd - lineStart);
        }
        if (!truncated && lineEnd > lineStart && buffer[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        if (firstLineOffset < 0) {
            firstLineOffset = offset;
        }
        linesRead++;
        return true;
    }

    /**
     * Where a reader resumes after the lines returned so far: the split's start before the first
     * line, else the offset just past the last line returned. After a line that was cut short,
     * that offset lies inside the line, and a split starting there skips the rest of it, as a
     * split starting inside a line does.
     */
    long resumeOffset() {
        return firstLineOffset < 0 ? start : bufferOffset + position;
    }

    /** The array holding the current line; valid until the next call to {@link #next()}. */
    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineEnd - lineStart;
    }

    /** True if the current line was longer than allowed; it holds the line's first bytes. */
    boolean isTruncated() {
        return truncated;
    }

    /**
     * The current line's 1-based number in the file. For a split that does not start the file,
     * the lines before it are counted on the first call (rare: only for malformed records).
     */
    long lineNumber() throws IOException {
        if (firstLineNumber == 0) {
            firstLineNumber = 1 + countNewlinesBefore(firstLineOffset);
        }
        return firstLineNumber + linesRead - 1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void setLine(int from, int to, boolean isTruncated) {
        lineStart = from;
        lineEnd = to;
        truncated = isTruncated;
    }

    private void skipToNextLine() throws IOException {
        while (true) {
            int newline = indexOfNewline(position, limit);
            if (newline >= 0) {
                position = newline + 1;
                break;
            }
            position = limit;
            if (endOfFile) {
                break;
            }
            fill();
        }
        skipRestOfLine = false;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front, grows the array if they fill it, and reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            byte[] larger = new byte[(int) Math.min((long) buffer.length * 2, maxLineBytes)];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
            view = ByteBuffer.wrap(buffer);
        }
        view.limit(buffer.length).position(limit);
        int read = channel.read(view, bufferOffset + limit);
        if (read < 0) {
            if (bufferOffset + limit < fileSize) {
                throw truncated(channel.size());
            }
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    private SluiceException truncated(long size) {
        return new SluiceException(ErrorCode.IO_ERROR, "file '" + path + "' was truncated while the query read it: it had "
                + fileSize + " bytes when the query started and has " + size + " now");
    }

    private long countNewlinesBefore(long offset) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long count = 0;
        long at = 0;
        while (at < offset) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), offset - at));
            int read = channel.read(chunk, at);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) == '\n') {
                    count++;
                }
            }
            at += read;
        }
        return count;
    }
}

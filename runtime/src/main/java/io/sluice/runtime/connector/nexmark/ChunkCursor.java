package io.sluice.runtime.connector.nexmark;

/**
 * One task's share of a kind's event indexes {@code [start, end)}: the indexes are cut into
 * chunks of {@code chunkSize} counted from 0, and chunk {@code c} belongs to task
 * {@code c mod parallelism}. Dealing small chunks round-robin keeps the event times of parallel
 * readers close, and the share of each task depends only on its index, so the union of all
 * tasks' shares is the whole range at any parallelism.
 */
final class ChunkCursor {
    private final long chunkSize;
    private final long stride;
    private final long end;
    private long position;
    private long chunkEnd;

    ChunkCursor(long start, long end, long chunkSize, int taskIndex, int parallelism) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        if (chunkSize <= 0 || taskIndex < 0 || taskIndex >= parallelism) {
            throw new IllegalArgumentException("bad chunk " + chunkSize + " or task " + taskIndex + " of " + parallelism);
        }
        this.chunkSize = chunkSize;
        this.stride = chunkSize * parallelism;
        this.end = end;
        long chunk = start / chunkSize;
        long mine = chunk + Math.floorMod(taskIndex - chunk, (long) parallelism);
        this.position = Math.max(mine * chunkSize, start);
        // a single task's chunks are contiguous: its runs need not stop at their ends
        this.chunkEnd = parallelism == 1 ? Long.MAX_VALUE : (mine + 1) * chunkSize;
    }

    boolean isDone() {
        return position >= end;
    }

    /** The next index to read. */
    long position() {
        return position;
    }

    /** How many indexes from {@link #position()} can be read in one run: at most {@code max}, within one chunk. */
    int run(int max) {
        return (int) Math.min(max, Math.min(chunkEnd, end) - position);
    }

    /** The end of the chunk being read: with {@link #position()}, what a checkpoint keeps. */
    long chunkEnd() {
        return chunkEnd;
    }

    /**
     * Resumes at a position and chunk end that {@link #position()} and {@link #chunkEnd()} gave
     * for a cursor over the same range, chunks and task.
     */
    void resume(long resumedPosition, long resumedChunkEnd) {
        position = resumedPosition;
        chunkEnd = resumedChunkEnd;
    }

    /** Moves past {@code count} indexes read from {@link #position()}, at most one {@link #run}. */
    void advance(int count) {
        position += count;
        if (position == chunkEnd) {
            position += stride - chunkSize;
            chunkEnd += stride;
        }
    }
}

package io.sluice.bench.counting;

/**
 * The rows a sink was given, by what they do to the result: {@code added} rows insert into it
 * ({@code +I}, {@code +U}), {@code retracted} rows take one out ({@code -U}, {@code -D}). An
 * append-only query only adds.
 */
public record RowCount(long added, long retracted) {
    public static final RowCount NONE = new RowCount(0, 0);

    public RowCount {
        if (added < 0 || retracted < 0) {
            throw new IllegalArgumentException("negative row counts: " + added + " added, " + retracted + " retracted");
        }
    }

    /** The rows of the final result: what was added and not taken out again. */
    public long finalRows() {
        return added - retracted;
    }

    /** The length of the changelog: every row the sink was given. */
    public long changes() {
        return added + retracted;
    }
}

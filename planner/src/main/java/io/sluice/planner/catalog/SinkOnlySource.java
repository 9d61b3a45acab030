package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.task.TaskContext;

/**
 * The source of a table whose connector can only be written to (such as {@code print}): reading
 * it is an error that says so.
 */
public final class SinkOnlySource implements Source {
    private final String table;
    private final String connector;

    public SinkOnlySource(String table, String connector) {
        this.table = requireNonNull(table, "table is null");
        this.connector = requireNonNull(connector, "connector is null");
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        throw notReadable();
    }

    @Override
    public void check() {
        throw notReadable();
    }

    public SluiceException notReadable() {
        return new SluiceException(ErrorCode.VALIDATION_ERROR, "'" + table + "' cannot be read: its connector '"
                + connector + "' can only be written to");
    }

    @Override
    public String describe() {
        return connector + "(write only)";
    }
}

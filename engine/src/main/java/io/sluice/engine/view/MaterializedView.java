package io.sluice.engine.view;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.Source;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A materialized view: a query the engine runs as a background job, whose result it keeps
 * ({@link MaterializedRows}) for queries to read. Made in two steps: the view exists first, so that
 * its query can be planned into its sink; its rows, which need the key the plan found, come next;
 * then its job starts.
 */
public final class MaterializedView {
    private final String name;
    private final MaterializedViewSource source = new MaterializedViewSource(this);
    private volatile MaterializedRows rows;
    private volatile Schema schema;
    private volatile BackgroundJob job;

    public MaterializedView(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public Source source() {
        return source;
    }

    public Sink sink() {
        return new MaterializedViewSink(this);
    }

    /** Keeps the result, of these columns, by the columns of the query's key, or by whole rows when there are none. */
    public void keepRows(Schema schema, int[] keyColumns) {
        this.schema = requireNonNull(schema, "schema is null");
        rows = new MaterializedRows(schema.getFields().size(), keyColumns);
    }

    /** The view's columns, as its rows are written to a checkpoint. */
    Schema schema() {
        return schema;
    }

    public void runningAs(BackgroundJob job) {
        this.job = requireNonNull(job, "job is null");
    }

    /** The job that keeps the view, once started. */
    public BackgroundJob job() {
        return job;
    }

    MaterializedRows rows() {
        MaterializedRows current = rows;
        if (current == null) {
            throw new IllegalStateException("the view '" + name + "' has no rows before its query is planned");
        }
        return current;
    }

    /** The view is dropped: readers following it end. Its job is stopped by the caller. */
    public void close() {
        if (rows != null) {
            rows.close();
        }
    }
}

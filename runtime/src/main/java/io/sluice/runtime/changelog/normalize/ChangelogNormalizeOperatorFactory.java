package io.sluice.runtime.changelog.normalize;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns an upsert changelog (each row the whole new value of its key, or a delete of the key) into
 * a retract changelog, as Flink's {@code ChangelogNormalize}: it keeps the last row of each key,
 * so that it can emit an update's old value and drop what changes nothing. Its input is partitioned
 * by the key, so each task owns its keys.
 *
 * @param keyColumns the input columns of the key (the table's primary key)
 * @param schema     the schema of input and output batches: the rows' columns, then the row kind
 * @param ttl        {@code 'table.exec.state.ttl'}: a key idle longer than this is forgotten, and its
 *                   next upsert is an insert
 */
public record ChangelogNormalizeOperatorFactory(int[] keyColumns, Schema schema, StateTtl ttl) implements OperatorFactory {
    public ChangelogNormalizeOperatorFactory {
        keyColumns = keyColumns.clone();
        requireNonNull(schema, "schema is null");
        requireNonNull(ttl, "ttl is null");
        if (keyColumns.length == 0) {
            throw new IllegalArgumentException("an upsert changelog is normalised by a key");
        }
    }

    @Override
    public int[] keyColumns() {
        return keyColumns.clone();
    }

    @Override
    public String name() {
        return "ChangelogNormalize";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new ChangelogNormalizeOperator(this, context, output);
    }
}

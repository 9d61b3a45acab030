package io.sluice.runtime.union;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;

/**
 * Makes an append-only stream a changelog: each batch gets a row-kind column of {@code +I}, so
 * that it can share an exchange with changelogs (a UNION ALL of an updating and an append-only
 * input).
 */
public record InsertRowKindOperatorFactory() implements OperatorFactory {
    @Override
    public String name() {
        return "InsertRowKind";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new InsertRowKindOperator(context, output);
    }
}

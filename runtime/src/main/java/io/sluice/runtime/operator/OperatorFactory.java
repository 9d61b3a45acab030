package io.sluice.runtime.operator;

import io.sluice.runtime.task.TaskContext;

/**
 * The plan-time description of an operator: immutable, made once per query by the planner, and
 * asked for one running {@link Operator} per parallel task.
 */
public interface OperatorFactory {
    /** A short name for plans, metrics and error messages, e.g. {@code Calc}. */
    String name();

    Operator create(TaskContext context, Output output);
}

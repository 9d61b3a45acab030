package io.sluice.runtime.job;

import io.sluice.runtime.operator.ChainedOutput;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.List;

/** Builds a task's operators from the last to the first, each emitting into the next. */
final class OperatorChain {
    private OperatorChain() {
    }

    /**
     * Returns the output that feeds the first operator (or the tail itself if there are none).
     * Closing it closes every operator and then the tail.
     */
    static Output build(List<OperatorFactory> factories, TaskContext context, Output tail) {
        Output head = tail;
        try {
            for (int i = factories.size() - 1; i >= 0; i--) {
                Operator operator = factories.get(i).create(context, head);
                head = new ChainedOutput(operator);
            }
            return head;
        } catch (RuntimeException | Error e) {
            head.close();
            throw e;
        }
    }
}

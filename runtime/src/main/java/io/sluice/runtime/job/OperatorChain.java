package io.sluice.runtime.job;

import io.sluice.runtime.operator.ChainedOutput;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A task's operators, each emitting into the next.
 *
 * @param head      the output that feeds the first operator (or the tail itself if there are none);
 *                  closing it closes every operator and then the tail
 * @param operators the operators, first to last
 */
record OperatorChain(Output head, List<Operator> operators) {
    /** Builds the operators from the last to the first. */
    static OperatorChain build(List<OperatorFactory> factories, TaskContext context, Output tail) {
        Output head = tail;
        List<Operator> operators = new ArrayList<>();
        try {
            for (int i = factories.size() - 1; i >= 0; i--) {
                Operator operator = factories.get(i).create(context, head);
                operators.add(operator);
                head = new ChainedOutput(operator);
            }
            Collections.reverse(operators);
            return new OperatorChain(head, List.copyOf(operators));
        } catch (RuntimeException | Error e) {
            head.close();
            throw e;
        }
    }
}

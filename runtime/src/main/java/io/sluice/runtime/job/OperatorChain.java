package io.sluice.runtime.job;

import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.ChainedOutput;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A task's operators, each emitting into the next, each entered through a {@link MeteredOutput}
 * that counts for its node of the plan.
 *
 * @param head      the output that feeds the first operator (or the tail if there are none);
 *                  closing it closes every operator and then the tail
 * @param operators the operators, first to last
 */
record OperatorChain(Output head, List<Operator> operators) {
    /**
     * Builds the operators from the last to the first. Each operator's context reports its state to
     * its node's gauge.
     *
     * @param nodes the metrics of the operators' nodes, then of the tail's
     */
    static OperatorChain build(List<OperatorFactory> factories, TaskContext context, Output tail,
                               List<OperatorMetrics> nodes) {
        Output head = new MeteredOutput(tail, nodes.get(factories.size()), context.taskIndex());
        List<Operator> operators = new ArrayList<>();
        try {
            for (int i = factories.size() - 1; i >= 0; i--) {
                OperatorMetrics node = nodes.get(i);
                TaskContext operatorContext = new TaskContext(context.taskName(), context.taskIndex(),
                        context.parallelism(), context.allocator(), context.metrics().forOperator(node), context.clock(),
                        context.job(), context.batchSize());
                Operator operator = factories.get(i).create(operatorContext, head);
                operators.add(operator);
                head = new MeteredOutput(new ChainedOutput(operator), node, context.taskIndex());
            }
            Collections.reverse(operators);
            return new OperatorChain(head, List.copyOf(operators));
        } catch (RuntimeException | Error e) {
            head.close();
            throw e;
        }
    }
}

package io.sluice.runtime.job;

import io.sluice.runtime.exchange.Exchange;
import io.sluice.runtime.exchange.ExchangeMessage;
import io.sluice.runtime.operator.ChainedOutput;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.WatermarkHolder;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;

/**
 * One task's loop over what an exchange delivers to it: rows in arrival order, and the
 * watermark of all producers combined (the minimum over those not idle or ended). Finishes when
 * every producer has ended. The job closes the chain afterwards.
 */
final class ExchangeTask implements Runnable {
    private final Exchange exchange;
    private final TaskContext context;
    private final Output head;
    private final int leftProducers;
    private final TwoInputOperator join;

    /**
     * @param input the pipeline's input; with two inputs, the pipeline's first operator takes the
     *              batches of each input apart
     */
    ExchangeTask(Exchange exchange, PipelineInput.FromExchange input, TaskContext context, Output head) {
        this.exchange = exchange;
        this.context = context;
        this.head = head;
        this.leftProducers = input.leftProducers();
        this.join = input.hasTwoInputs() ? (TwoInputOperator) ((ChainedOutput) head).operator() : null;
    }

    @Override
    public void run() {
        WatermarkHolder watermarks = new WatermarkHolder(exchange.spec().producers());
        try {
            while (!context.job().isStopping()) {
                ExchangeMessage message = exchange.poll(context.taskIndex());
                if (message == null) {
                    continue;
                }
                long advanced = Watermarks.NONE;
                if (message instanceof ExchangeMessage.Data data) {
                    try {
                        if (join == null) {
                            head.emit(data.batch());
                        } else {
                            join.process(data.producer() < leftProducers ? 0 : 1, data.batch());
                        }
                    } finally {
                        data.batch().close();
                    }
                } else if (message instanceof ExchangeMessage.Watermark watermark) {
                    advanced = watermarks.update(watermark.producer(), watermark.watermark());
                } else if (message instanceof ExchangeMessage.Idle idle) {
                    advanced = watermarks.setIdle(idle.producer(), idle.idle());
                } else if (message instanceof ExchangeMessage.End end) {
                    advanced = watermarks.end(end.producer());
                }
                if (advanced != Watermarks.NONE) {
                    head.emitWatermark(advanced);
                }
                if (watermarks.allEnded()) {
                    // A producer that failed ends too; the job is stopping then, and nothing is finished.
                    if (!context.job().isStopping()) {
                        head.finish();
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.sluice.runtime.job;

import io.sluice.runtime.exchange.Exchange;
import io.sluice.runtime.exchange.ExchangeMessage;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.WatermarkHolder;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;

/**
 * One task's loop over what an exchange delivers to it: rows in arrival order, and the
 * watermark of all producers combined (the minimum over those not idle or ended). Finishes when
 * every producer has ended. With checkpoints, a {@link BarrierAligner} lines up each
 * checkpoint's barriers from all producers (of both inputs of a join); once aligned, the task
 * snapshots its chain and sends the barrier on. The job closes the chain afterwards.
 */
final class ExchangeTask implements Runnable {
    private final Exchange exchange;
    private final TaskContext context;
    private final Output head;
    private final int leftProducers;
    private final MeteredOutput join;
    private final TaskCheckpoints checkpoints;
    private final BarrierAligner aligner;

    /**
     * @param input       the pipeline's input; with two inputs, the pipeline's first operator takes the
     *                    batches of each input apart (through {@code head}, a {@link MeteredOutput})
     * @param checkpoints the task's checkpoint side, or null if the job takes no checkpoints
     * @param aligner     lines up barriers, or null if the job takes no checkpoints
     */
    ExchangeTask(Exchange exchange, PipelineInput.FromExchange input, TaskContext context, Output head,
                 TaskCheckpoints checkpoints, BarrierAligner aligner) {
        this.exchange = exchange;
        this.context = context;
        this.head = head;
        this.leftProducers = input.leftProducers();
        this.join = input.hasTwoInputs() ? (MeteredOutput) head : null;
        this.checkpoints = checkpoints;
        this.aligner = aligner;
    }

    @Override
    public void run() {
        WatermarkHolder watermarks = new WatermarkHolder(exchange.spec().producers());
        try {
            if (checkpoints != null) {
                checkpoints.restore();
            }
            while (!context.job().isStopping()) {
                ExchangeMessage message = next();
                if (message == null) {
                    continue;
                }
                long advanced = Watermarks.NONE;
                if (message instanceof ExchangeMessage.Data data) {
                    try {
                        if (join == null) {
                            head.emit(data.batch());
                        } else {
                            join.emit(data.producer() < leftProducers ? 0 : 1, data.batch());
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
                } else if (message instanceof ExchangeMessage.Barrier barrier) {
                    checkpointIfAligned(aligner.barrier(barrier.producer(), barrier.checkpointId()));
                }
                if (advanced != Watermarks.NONE) {
                    head.emitWatermark(advanced);
                }
                if (message instanceof ExchangeMessage.End end && aligner != null) {
                    // what the producer sent is in, and it sends no barrier any more
                    checkpointIfAligned(aligner.end(end.producer()));
                }
                if (watermarks.allEnded()) {
                    // A producer that failed ends too; the job is stopping then, and nothing is finished.
                    if (!context.job().isStopping()) {
                        head.finish();
                        if (checkpoints != null) {
                            checkpoints.finished();
                        }
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (aligner != null) {
                aligner.close();
            }
        }
    }

    /**
     * The next message to process: one held back and since released, else one from the exchange
     * (null if none came within a short wait). Without checkpoints, the exchange's.
     */
    private ExchangeMessage next() throws InterruptedException {
        if (aligner == null) {
            return exchange.poll(context.taskIndex());
        }
        checkpoints.notifyCompleted();
        while (true) {
            ExchangeMessage message = aligner.replayed();
            if (message == null) {
                message = exchange.poll(context.taskIndex());
            }
            if (message == null || !aligner.hold(message)) {
                return message;
            }
        }
    }

    private void checkpointIfAligned(long checkpointId) {
        if (checkpointId != BarrierAligner.NONE) {
            checkpoints.checkpoint(checkpointId);
        }
    }
}

package io.sluice.runtime.job;

import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.exchange.IdleAwareOutput;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One task's loop over a source share: read a batch, push it down the chain, then the watermark
 * the batch allows. At the end of the input the watermark goes to {@link Watermarks#END} so that
 * every open window fires. After a while without rows the task tells the exchange it is idle, so
 * it stops holding back the watermark of the tasks it feeds. Between reads it takes the checkpoint
 * the coordinator asks for, if any: the reader's position and the chain's state as of the rows read
 * so far, then a barrier downstream. The job closes the chain afterwards.
 */
final class SourceTask implements Runnable {
    private final PipelineInput.FromSource input;
    private final TaskContext context;
    private final Output head;
    private final Output tail;
    private final TaskCheckpoints checkpoints;
    private final String readerId;

    /**
     * @param checkpoints the task's checkpoint side, or null if the job takes none and restores none
     * @param readerId    the stable id of the source reader's state
     */
    SourceTask(PipelineInput.FromSource input, TaskContext context, Output head, Output tail,
               TaskCheckpoints checkpoints, String readerId) {
        this.input = input;
        this.context = context;
        this.head = head;
        this.tail = tail;
        this.checkpoints = checkpoints;
        this.readerId = readerId;
    }

    @Override
    public void run() {
        WatermarkStrategy strategy = input.watermarks().orElse(null);
        long idleAfter = input.idleTimeout().map(d -> d.toMillis()).orElse(Long.MAX_VALUE);
        IdleAwareOutput exchange = tail instanceof IdleAwareOutput e ? e : null;
        if (checkpoints != null && checkpoints.restoredFinished()) {
            // it had read everything before the checkpoint, and what it read is in its consumers' state
            finish();
            return;
        }
        try (SourceReader reader = input.source().createReader(context, input.mode());
             VectorSchemaRoot batch = VectorSchemaRoot.create(input.schema(), context.allocator())) {
            long emitted = Watermarks.NONE;
            long lastRows = context.clock().millis();
            boolean idle = false;
            if (checkpoints != null) {
                checkpoints.add(readerId, input.table(), reader, true);
                checkpoints.restore();
            }
            while (!context.job().isStopping()) {
                if (checkpoints != null) {
                    checkpoints.betweenReads();
                }
                int rows = reader.read(batch);
                if (rows == SourceReader.END) {
                    // a job that failed meanwhile finishes nothing: its sinks would make visible what no checkpoint holds
                    if (!context.job().isStopping()) {
                        finish();
                    }
                    return;
                }
                long watermark = reader.currentWatermark();
                if (rows > 0) {
                    lastRows = context.clock().millis();
                    if (idle) {
                        idle = false;
                        exchange.markIdle(false);
                    }
                    context.metrics().addRecordsIn(rows);
                    context.metrics().addBytesIn(Batches.bytes(batch));
                    if (strategy != null && !reader.emitsWatermarks()) {
                        watermark = Math.max(watermark, strategy.watermarkOf(batch));
                    }
                    head.emit(batch);
                } else if (!idle && exchange != null && context.clock().millis() - lastRows >= idleAfter) {
                    idle = true;
                    exchange.markIdle(true);
                }
                if (watermark > emitted) {
                    emitted = watermark;
                    head.emitWatermark(watermark);
                }
            }
        }
    }

    private void finish() {
        head.emitWatermark(Watermarks.END);
        head.finish();
        if (checkpoints != null) {
            checkpoints.finished();
        }
    }
}

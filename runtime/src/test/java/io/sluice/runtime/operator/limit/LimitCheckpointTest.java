package io.sluice.runtime.operator.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A LIMIT snapshotted between any two steps and restored into a fresh operator passes what an
 * uninterrupted run passes: the rows still allowed are in the snapshot, and a limit already
 * reached ends the restored run at once.
 */
class LimitCheckpointTest {
    private static final Schema ROWS = new Schema(List.of(
            Field.nullable("k", ColumnTypes.VARCHAR), Field.nullable("v", ColumnTypes.BIGINT)));

    @Test
    void aLimitResumesWithTheRowsItHasLeft() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, new Object[] {"x", 1L}, new Object[] {"y", 2L})
                .watermark(5)
                .batch(ROWS, new Object[] {"z", 3L}, new Object[] {"w", 4L})
                .batch(ROWS, new Object[] {"v", 5L})
                .watermark(6);
        assertEquals(List.of("x|1", "y|2", "watermark 5", "z|3", "watermark end", "end"),
                RestoreAtEveryCut.check(new LimitOperatorFactory(3, true), script).output());
    }

    @Test
    void aSnapshotOfAnotherLimitIsRefused() {
        byte[] snapshot = RestoreAtEveryCut.snapshotAfter(new LimitOperatorFactory(3, true),
                new OperatorScript().batch(ROWS, new Object[] {"x", 1L}));
        assertEquals(ErrorCode.DATA_ERROR,
                RestoreAtEveryCut.restoreFails(new LimitOperatorFactory(4, true), snapshot, Long.MAX_VALUE).code());
        RestoreAtEveryCut.everyDamageFails(new LimitOperatorFactory(3, true), snapshot);
    }
}

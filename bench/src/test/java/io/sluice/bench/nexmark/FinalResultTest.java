package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.changelog.RowKind;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalResultTest {
    @Test
    void updatesReplaceTheirOldValuesAndDeletesRemoveRows() {
        FinalResult result = new FinalResult();
        result.apply(RowKind.INSERT, List.of(10L, 100L));
        result.apply(RowKind.INSERT, List.of(11L, 50L));
        result.apply(RowKind.UPDATE_BEFORE, List.of(10L, 100L));
        result.apply(RowKind.UPDATE_AFTER, List.of(10L, 150L));
        result.apply(RowKind.INSERT, List.of(12L, 7L));
        result.apply(RowKind.DELETE, List.of(12L, 7L));
        assertEquals(List.of(List.of(10L, 150L), List.of(11L, 50L)), sorted(result.rows()));
    }

    @Test
    void equalRowsCountAsManyTimesAsTheyWereAdded() {
        FinalResult result = new FinalResult();
        result.apply(RowKind.INSERT, List.of("a"));
        result.apply(RowKind.INSERT, List.of("a"));
        result.apply(RowKind.INSERT, List.of("a"));
        result.apply(RowKind.DELETE, List.of("a"));
        assertEquals(List.of(List.of("a"), List.of("a")), result.rows());
    }

    @Test
    void aRetractionMatchesItsRowWhateverTheDecimalsScale() {
        FinalResult result = new FinalResult();
        result.apply(RowKind.INSERT, List.of(new BigDecimal("1.50")));
        result.apply(RowKind.UPDATE_BEFORE, List.of(new BigDecimal("1.5")));
        assertEquals(List.of(), result.rows());
    }

    @Test
    void takingOutARowThatIsNotThereIsAWrongChangelog() {
        FinalResult result = new FinalResult();
        result.apply(RowKind.INSERT, List.of(1L));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> result.apply(RowKind.UPDATE_BEFORE, List.of(2L)));
        assertEquals("the changelog takes out a row that is not in the result: -U [2]", e.getMessage());
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(row -> (Long) row.get(0))).toList();
    }
}

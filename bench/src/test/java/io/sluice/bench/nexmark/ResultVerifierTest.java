package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultVerifierTest {
    /** A q9 row: the auction's ten columns, then its winning bid's auction, bidder, price, time and extra. */
    private static List<Object> q9(long bidder, long price, String bidTime, String bidExtra) {
        return Arrays.asList(7L, "item", "description", 10L, 20L, "2026-01-01 00:00:00.000", "2026-01-01 00:00:01.000",
                3L, 11L, "extra", 7L, bidder, price, bidTime, bidExtra);
    }

    @Test
    void q9sWinnersTiedOnPriceAndTimeAreTheSameWinner() {
        String winner = ResultVerifier.comparable("q9", q9(1, 500, "2026-01-01 00:00:00.500", "x"));
        assertEquals(winner, ResultVerifier.comparable("q9", q9(2, 500, "2026-01-01 00:00:00.500", "y")));
        // another price or time is another winner
        assertNotEquals(winner, ResultVerifier.comparable("q9", q9(1, 501, "2026-01-01 00:00:00.500", "x")));
        assertNotEquals(winner, ResultVerifier.comparable("q9", q9(1, 500, "2026-01-01 00:00:00.400", "x")));
    }

    @Test
    void otherQueriesCompareEveryColumnDecimalsInTheirShortestForm() {
        assertEquals("1|1.5|NULL", ResultVerifier.comparable("q4", Arrays.asList(1L, new BigDecimal("1.500"), null)));
        assertNotEquals(ResultVerifier.comparable("q4", List.of(1L, 2L)), ResultVerifier.comparable("q4", List.of(2L, 2L)));
    }
}

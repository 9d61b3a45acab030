package io.sluice.runtime.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class RankOperatorTest {
    @Test
    void rowNumberWithTheRankFollowsEveryMove() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = RankHarness.appendOnly(root, RankFunction.ROW_NUMBER, 2, true)) {
            assertEquals(List.of("+I|a|10|1"), rank.batch("a 10").output());
            // 30 takes rank 1 and pushes 10 to 2; then 20 takes rank 2 and 10 leaves
            assertEquals(List.of("-U|a|10|1", "+U|a|10|2", "+I|a|30|1", "-U|a|10|2", "+U|a|20|2"),
                    rank.batch("a 30", "a 20").output());
            assertEquals(List.of("-U|a|20|2", "+U|a|40|1", "-U|a|30|1", "+U|a|30|2"), rank.batch("a 40").output());
            assertEquals(List.of("+I|b|1|1"), rank.batch("a 5", "b 1").output());
        }
    }

    @Test
    void anAppendOnlyInputKeepsOnlyTheRowsRankedInRange() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = RankHarness.appendOnly(root, RankFunction.ROW_NUMBER, 2, false)) {
            for (int v = 0; v < 3000; v++) {
                rank.batch("a " + v);
            }
            assertEquals(2, rank.state().size(0));
            rank.output();
            assertEquals(List.of(), rank.batch("a -1").output(), "-1 is ranked after 2999 and 2998");
            assertTrue(rank.state().rows().getRowCount() < 2100, "dead rows are compacted away");
        }
    }

    @Test
    void aRetractionPromotesTheNextRow() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = new RankHarness(root, RankFunction.ROW_NUMBER, 1, 1, false, true)) {
            assertEquals(List.of("+I|a|10", "-U|a|10", "+U|a|20", "-U|a|20", "+U|a|30"),
                    rank.batch("+I a 10", "+I a 20", "+I a 30").output());
            assertEquals(List.of("-U|a|30", "+U|a|20"), rank.batch("-D a 30").output());
            assertEquals(List.of("-U|a|20", "+U|a|10"), rank.batch("-U a 20").output());
            assertEquals(List.of("-D|a|10"), rank.batch("-D a 10").output());
            assertEquals(List.of(), rank.batch("-D a 99").output(), "a row never kept is no change");
            assertEquals(List.of("+I|a|7"), rank.batch("+U a 7").output());
        }
    }

    @Test
    void nullsSortFirstWhenToldTo() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = RankHarness.appendOnly(root, RankFunction.ROW_NUMBER, 1, false)) {
            assertEquals(List.of("+I|a|5", "-U|a|5", "+U|a|NULL"), rank.batch("a 5", "a NULL", "a 9").output());
            assertEquals(List.of("+I|NULL|3"), rank.batch("NULL 3").output());
        }
    }

    @Test
    void tiedRowsShareARank() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = RankHarness.appendOnly(root, RankFunction.RANK, 2, true);
             RankHarness dense = RankHarness.appendOnly(root, RankFunction.DENSE_RANK, 2, true)) {
            // RANK: 20, 20 are 1 and 10 is 3, out of range; DENSE_RANK: 10 is 2
            assertEquals(List.of("+I|a|20|1", "+I|a|20|1"), rank.batch("a 20", "a 20", "a 10").output());
            assertEquals(List.of("+I|a|20|1", "+I|a|20|1", "+I|a|10|2"), dense.batch("a 20", "a 20", "a 10").output());
        }
    }

    @Test
    void aRestoredStateBehavesAsTheOneSnapshotted() throws Exception {
        try (RootAllocator root = RankHarness.root();
             RankHarness first = new RankHarness(root, RankFunction.ROW_NUMBER, 1, 2, true, true);
             RankHarness second = new RankHarness(root, RankFunction.ROW_NUMBER, 1, 2, true, true)) {
            first.batch("+I a 1", "+I b 5", "+I a 3", "+I c 2", "+I a 2", "+I b 4", "-D a 3", "+I NULL 8");
            first.output();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (StateWriter out = new StateWriter(bytes)) {
                first.state().snapshot(out);
            }
            second.state().restore(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            String[] next = {"-D a 2", "+I b 6", "-D b 5", "+I c 1", "-D NULL 8", "+I a 9"};
            List<String> expected = first.batch(next).output();
            // a is 2 1 (3 was retracted), b 5 4, c 2, NULL 8. Without a's 2, 1 moves up; 6 pushes
            // b's 4 out and 5 down; without b's 5, 4 comes back; c's 1 enters; 9 pushes a's 1 down.
            assertEquals(List.of("-U|a|1|2", "+U|a|1|1", "-D|a|2|1", "-U|b|4|2", "+U|b|6|1", "-U|b|5|1", "+U|b|5|2",
                    "-U|b|5|2", "+U|b|4|2", "+I|c|1|2", "-D|NULL|8|1", "-U|a|1|1", "+U|a|1|2", "+I|a|9|1"), expected);
            assertEquals(expected, second.batch(next).output());
            assertEquals(first.state().estimatedBytes() > 0, second.state().estimatedBytes() > 0);
        }
    }

    @Test
    void anExpiredPartitionStartsOver() {
        try (RootAllocator root = RankHarness.root();
             RankHarness rank = new RankHarness(root, RankFunction.ROW_NUMBER, 1, 1, false, true)) {
            rank.batch("+I a 1", "+I b 1").output();
            rank.batch("+I b 2").output();
            assertEquals(2, rank.state().expire(Long.MAX_VALUE));
            assertEquals(List.of(), rank.batch("-D a 1").output(), "its rows are gone");
            assertEquals(List.of("+I|a|2"), rank.batch("+I a 2").output());
        }
    }

    /**
     * Random inserts and retractions over three keys with many ties, cut into random batches: the
     * rows the changelog leaves must be those a model ranks from the rows still live, and every
     * retraction must retract a row the changelog holds.
     */
    @Test
    void theChangelogLeavesWhatAModelRanks() {
        Random random = new Random(12);
        for (int round = 0; round < 300; round++) {
            RankFunction function = RankFunction.values()[random.nextInt(3)];
            long low = 1 + random.nextInt(2);
            long high = low + random.nextInt(3);
            boolean outputRank = random.nextBoolean();
            boolean updating = random.nextInt(4) != 0;
            List<String> live = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                if (updating && !live.isEmpty() && random.nextInt(3) == 0) {
                    String row = live.remove(random.nextInt(live.size()));
                    ops.add((random.nextBoolean() ? "-D " : "-U ") + row);
                } else {
                    String row = "abc".charAt(random.nextInt(3)) + " " + random.nextInt(6);
                    live.add(row);
                    ops.add(updating ? (random.nextBoolean() ? "+I " : "+U ") + row : row);
                }
            }
            String at = "round " + round + ": " + function + " " + low + ".." + high + " rank " + outputRank + " " + ops;
            List<String> result = new ArrayList<>();
            try (RootAllocator root = RankHarness.root();
                 RankHarness rank = new RankHarness(root, function, low, high, outputRank, updating)) {
                for (int from = 0; from < ops.size(); ) {
                    int to = Math.min(ops.size(), from + 1 + random.nextInt(7));
                    rank.batch(ops.subList(from, to).toArray(String[]::new));
                    from = to;
                }
                for (String change : rank.output()) {
                    String row = change.substring(3);
                    if (change.startsWith("+")) {
                        result.add(row);
                    } else {
                        assertTrue(result.remove(row), at + ": retracts a row it never added: " + change);
                    }
                }
            }
            List<String> expected = model(live, function, low, high, outputRank);
            result.sort(null);
            assertEquals(expected, result, at);
        }
    }

    private static List<String> model(List<String> live, RankFunction function, long low, long high,
                                      boolean outputRank) {
        List<String> rows = new ArrayList<>();
        for (String key : List.of("a", "b", "c")) {
            List<Long> values = new ArrayList<>();
            for (String row : live) {
                if (row.startsWith(key + " ")) {
                    values.add(Long.parseLong(row.substring(2)));
                }
            }
            values.sort((x, y) -> Long.compare(y, x));
            for (int i = 0; i < values.size(); i++) {
                long value = values.get(i);
                long rank = switch (function) {
                    case ROW_NUMBER -> i + 1;
                    case RANK -> 1 + values.stream().filter(v -> v > value).count();
                    case DENSE_RANK -> 1 + values.stream().filter(v -> v > value).distinct().count();
                };
                if (rank >= low && rank <= high) {
                    rows.add(key + "|" + value + (outputRank ? "|" + rank : ""));
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}

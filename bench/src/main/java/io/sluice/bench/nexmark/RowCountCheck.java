package io.sluice.bench.nexmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that both engines' sinks received the same rows in a query's measured runs, so that a
 * run that drops work cannot look fast. What is compared is the size of the final result (rows
 * added less rows taken out again): for an append-only query that is every row the sink was
 * given; for an updating one the changelog's length is not compared, because Flink's
 * mini-batches fold a key's updates within a batch into one, which makes its changelog shorter
 * than Sluice's, by an amount that depends on timing.
 */
final class RowCountCheck {
    private RowCountCheck() {
    }

    /** One line for each size of run at which the two final results differ in size; empty if none does. */
    static List<String> mismatches(RunOutcome.Measured sluice, RunOutcome.Measured flink) {
        List<String> mismatches = new ArrayList<>();
        compare(sluice.single(), flink.single(), mismatches);
        compare(sluice.doubled(), flink.doubled(), mismatches);
        return mismatches;
    }

    private static void compare(Measurement sluice, Measurement flink, List<String> mismatches) {
        if (sluice.events() != flink.events()) {
            throw new IllegalArgumentException("runs over different events: " + sluice + ", " + flink);
        }
        long sluiceRows = sluice.rows().finalRows();
        long flinkRows = flink.rows().finalRows();
        if (sluiceRows != flinkRows) {
            mismatches.add(String.format(Locale.ROOT, "over %,d events Sluice's sink got a final result of %,d rows, "
                    + "Flink's %,d", sluice.events(), sluiceRows, flinkRows));
        }
    }
}

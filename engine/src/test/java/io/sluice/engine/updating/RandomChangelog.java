package io.sluice.engine.updating;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random valid changelog of {@code (ts, k, v)} rows, as the test source reads it
 * ({@code +I|ts|k|v}, …): inserts, updates (-U of a row there, then +U of its new value) and
 * deletes of rows there, with event times out of order. Values are distinct within a key, so
 * rankings have no ties. {@link #rows()} is what the changelog leaves.
 */
final class RandomChangelog {
    private final List<String> lines = new ArrayList<>();
    private final List<ReferenceModel.Row> rows = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    RandomChangelog(Random random, int changes, int keys, boolean updating) {
        for (int i = 0; i < changes; i++) {
            int choice = random.nextInt(10);
            if (!updating || rows.isEmpty() || choice < 6) {
                ReferenceModel.Row row = newRow(random, keys);
                rows.add(row);
                lines.add(line("+I", random, row));
            } else if (choice < 8) {
                ReferenceModel.Row old = rows.remove(random.nextInt(rows.size()));
                ReferenceModel.Row updated = newValue(random, old.k());
                lines.add(line("-U", random, old));
                lines.add(line("+U", random, updated));
                rows.add(updated);
            } else {
                ReferenceModel.Row gone = rows.remove(random.nextInt(rows.size()));
                lines.add(line("-D", random, gone));
            }
        }
    }

    private ReferenceModel.Row newRow(Random random, int keys) {
        return newValue(random, "k" + random.nextInt(keys));
    }

    private ReferenceModel.Row newValue(Random random, String key) {
        long value;
        do {
            value = random.nextInt(1000) - 200;
        } while (!used.add(key + "/" + value));
        return new ReferenceModel.Row(key, value);
    }

    private static String line(String kind, Random random, ReferenceModel.Row row) {
        // event times out of order within a minute
        return kind + "|2026-01-01 00:00:" + String.format("%02d", random.nextInt(60)) + ".000|" + row.k() + "|"
                + row.v();
    }

    /** The changelog's lines, each led by its kind. */
    List<String> lines() {
        return lines;
    }

    /** The rows the changelog leaves. */
    List<ReferenceModel.Row> rows() {
        return rows;
    }
}

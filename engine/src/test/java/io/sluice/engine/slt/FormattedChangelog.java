package io.sluice.engine.slt;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Changelogs of rows as the tests format them, {@code +I|a|1}: the row kind, then the row. */
public final class FormattedChangelog {
    private FormattedChangelog() {
    }

    /**
     * The rows a changelog leaves, in the order they came: {@code +I} and {@code +U} add the rest
     * of the row, {@code -U} and {@code -D} take one equal row away.
     *
     * @param at what a failure message says the changelog came from
     */
    public static List<String> finalRows(List<String> changelog, String at) {
        List<String> rows = new ArrayList<>();
        for (String change : changelog) {
            int bar = change.indexOf('|');
            String kind = bar < 0 ? change : change.substring(0, bar);
            String row = bar < 0 ? "" : change.substring(bar + 1);
            switch (kind) {
                case "+I", "+U" -> rows.add(row);
                case "-U", "-D" -> {
                    if (!rows.remove(row)) {
                        fail(at + ": the changelog retracts a row it never added: " + change);
                    }
                }
                default -> fail(at + ": not a changelog row (no +I, -U, +U or -D first): " + change);
            }
        }
        return rows;
    }
}

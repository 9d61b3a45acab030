package io.sluice.engine.statement;

import io.sluice.planner.catalog.TableKind;
import java.util.Locale;

/** How messages name kinds of catalog objects. */
final class Describing {
    private Describing() {
    }

    /** {@code Stream}, {@code Table}, {@code View} or {@code Materialized view}. */
    static String kind(TableKind kind) {
        String name = kind.sqlName().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

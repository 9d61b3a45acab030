package io.sluice.planner.physical;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The changelog properties of a physical node's output, derived once when the node is made, from
 * its inputs and what it does: which kinds of rows it carries, the key its updates and deletes
 * refer to, and, for an updating output, which node made it update (for error messages).
 *
 * @param mode      insert-only, upsert or retract; a non-insert-only output carries the row-kind
 *                  column after its row type's columns
 * @param upsertKey columns whose values identify a row of the current result (a GROUP BY's keys, a
 *                  primary key); empty when none is known
 * @param origin    what first made the output update, e.g. {@code the GROUP BY aggregation}; null when
 *                  insert-only
 */
public record Changelog(ChangelogMode mode, ImmutableBitSet upsertKey, String origin) {
    public static final Changelog INSERT_ONLY = new Changelog(ChangelogMode.INSERT_ONLY, ImmutableBitSet.of(), null);

    public Changelog {
        requireNonNull(mode, "mode is null");
        requireNonNull(upsertKey, "upsertKey is null");
        if (mode.isInsertOnly() != (origin == null)) {
            throw new IllegalArgumentException("an updating output names its origin, an insert-only one none");
        }
    }

    /** A retract changelog made by {@code origin}, its rows identified by {@code upsertKey}. */
    public static Changelog retract(ImmutableBitSet upsertKey, String origin) {
        return new Changelog(ChangelogMode.RETRACT, upsertKey, requireNonNull(origin, "origin is null"));
    }

    /** The changelog of a node's input. */
    public static Changelog of(org.apache.calcite.rel.RelNode input) {
        return ((SluiceRel) input).changelog();
    }

    public boolean isInsertOnly() {
        return mode.isInsertOnly();
    }

    /** True if batches of this output carry the row-kind column. */
    public boolean carriesRowKinds() {
        return mode.carriesRowKinds();
    }

    /** The same changelog with another key (as a projection moves or drops key columns). */
    public Changelog withUpsertKey(ImmutableBitSet key) {
        return new Changelog(mode, key, origin);
    }

    /**
     * Refuses an updating input to a consumer that only appends (a window, an append-only sink),
     * naming both.
     *
     * @param consumer what takes the input, e.g. {@code a window aggregation}
     */
    public void requireInsertOnly(String consumer) {
        if (!isInsertOnly()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, consumer + " takes only rows that are appended, but its "
                    + "input updates earlier rows (" + origin + " makes updating results)");
        }
    }
}

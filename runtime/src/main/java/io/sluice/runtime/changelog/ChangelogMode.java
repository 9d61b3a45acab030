package io.sluice.runtime.changelog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of rows a stream may carry, or a sink accepts: insert-only (an append-only stream),
 * upsert (inserts, new values of updates and deletes, each by a key, no old values) or retract
 * (every kind: each update comes as its old value and its new).
 */
public enum ChangelogMode {
    INSERT_ONLY(EnumSet.of(RowKind.INSERT)),
    UPSERT(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE)),
    RETRACT(EnumSet.allOf(RowKind.class));

    private final Set<RowKind> kinds;

    ChangelogMode(Set<RowKind> kinds) {
        this.kinds = kinds;
    }

    public Set<RowKind> kinds() {
        return kinds;
    }

    public boolean isInsertOnly() {
        return this == INSERT_ONLY;
    }

    /** True if a stream of this mode carries a row-kind column. */
    public boolean carriesRowKinds() {
        return this != INSERT_ONLY;
    }

    /**
     * True if a consumer (an operator, a sink) that takes this mode can take a stream of mode
     * {@code stream} as it is: an insert-only consumer only appends; an upsert consumer writes
     * each row by its key, so it takes any stream and skips old values ({@code -U}); a retract
     * consumer needs each update's old value, which an upsert stream does not carry.
     */
    public boolean accepts(ChangelogMode stream) {
        return switch (this) {
            case INSERT_ONLY -> stream == INSERT_ONLY;
            case UPSERT -> true;
            case RETRACT -> stream != UPSERT;
        };
    }
}

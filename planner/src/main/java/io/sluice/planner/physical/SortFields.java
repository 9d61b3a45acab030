package io.sluice.planner.physical;

import io.sluice.runtime.sort.SortField;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;

/** A Calcite collation as the runtime's sort order. */
final class SortFields {
    private SortFields() {
    }

    /**
     * Each field's column, direction and place of NULLs; where the query says nothing of NULLs,
     * Calcite's default for the direction (NULLS LAST ascending, NULLS FIRST descending).
     */
    static List<SortField> of(RelCollation collation) {
        return collation.getFieldCollations().stream().map(field -> {
            RelFieldCollation.NullDirection nulls = field.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                    ? field.direction.defaultNullDirection() : field.nullDirection;
            return new SortField(field.getFieldIndex(), field.direction.isDescending(),
                    nulls == RelFieldCollation.NullDirection.FIRST);
        }).toList();
    }

    /** An order as plans show it: {@code [$2 DESC, $0 NULLS FIRST]}. */
    static List<String> describe(List<SortField> order) {
        return order.stream().map(field -> "$" + field.column() + (field.descending() ? " DESC" : "")
                + (field.nullsFirst() ? " NULLS FIRST" : "")).toList();
    }
}

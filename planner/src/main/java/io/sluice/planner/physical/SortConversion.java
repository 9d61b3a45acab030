package io.sluice.planner.physical;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code ORDER BY}, {@code LIMIT} and {@code OFFSET}. A LIMIT alone takes the first rows and ends
 * the query ({@link SluiceLimit}), except over the final rows of an updating result, which a sort
 * without keys finds. Over bounded inputs, a sort buffers the rows and emits them in
 * order ({@link SluiceSort}). Over a stream, {@code ORDER BY … LIMIT n} is a Top-N over all rows,
 * updated as rows come ({@link SluiceRank}), and {@code ORDER BY} a time attribute first holds rows
 * until the watermark passes them ({@link SluiceTimeSort}); a stream cannot be sorted otherwise.
 */
final class SortConversion {
    private final PhysicalConverter converter;
    private final RankConversion ranks;
    private final ReadMode mode;

    SortConversion(PhysicalConverter converter, RankConversion ranks, ReadMode mode) {
        this.converter = converter;
        this.ranks = ranks;
        this.mode = mode;
    }

    SluiceRel convert(Sort sort) {
        boolean ordered = !sort.getCollation().getFieldCollations().isEmpty();
        long offset = sort.offset == null ? 0 : number(sort.offset, "OFFSET");
        long fetch = sort.fetch == null ? -1 : number(sort.fetch, "LIMIT");
        if (!ordered && offset == 0) {
            SluiceRel input = converter.convert(sort.getInput());
            if (fetch < 0) {
                return input;
            }
            // A plain SELECT of an updating result limits its final rows, which a sort finds.
            if (mode == ReadMode.STREAM || Changelog.of(input).isInsertOnly()) {
                return new SluiceLimit(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION), input, fetch,
                        false);
            }
            return new SluiceSort(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION), input,
                    SortFields.of(sort.getCollation()), offset, fetch);
        }
        if (mode == ReadMode.STREAM) {
            if (!ordered) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "OFFSET over a stream needs an ORDER BY and a LIMIT "
                        + "(a Top-N)");
            }
            if (fetch < 0 && offset == 0 && byTime(sort)) {
                return new SluiceTimeSort(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION),
                        converter.convert(sort.getInput()), SortFields.of(sort.getCollation()));
            }
            if (fetch < 0) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "ORDER BY over a stream needs a time attribute "
                        + "first, ascending (the rows leave in order as the watermark passes them), or a LIMIT: a "
                        + "stream cannot be sorted otherwise, but its first rows in an order can be kept (a Top-N that "
                        + "updates as rows come); a plain SELECT sorts what the tables hold now");
            }
            if (fetch == 0) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "LIMIT 0 over a stream keeps no row");
            }
            return ranks.global(sort, sort.getCollation(), offset, fetch);
        }
        return new SluiceSort(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION),
                converter.convert(sort.getInput()), SortFields.of(sort.getCollation()), offset, fetch);
    }

    /**
     * Whether the sort starts with a timestamp ascending that Calcite's streaming rules let a stream
     * be ordered by (a time attribute: its values follow the watermark).
     */
    private static boolean byTime(Sort sort) {
        RelFieldCollation first = sort.getCollation().getFieldCollations().get(0);
        SqlTypeName type = sort.getInput().getRowType().getFieldList().get(first.getFieldIndex()).getType().getSqlTypeName();
        return first.direction == RelFieldCollation.Direction.ASCENDING
                && (type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    }

    private static long number(RexNode value, String clause) {
        if (!(value instanceof RexLiteral literal)) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, clause + " must be a number");
        }
        return literal.getValueAs(Long.class);
    }
}

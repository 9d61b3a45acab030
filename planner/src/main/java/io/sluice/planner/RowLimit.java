package io.sluice.planner;

import io.sluice.planner.calcite.Modality;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The most rows a client wants of a query (JDBC's {@code setMaxRows}), written into the query as a
 * {@code LIMIT}, so that it is planned as one: a plain {@code SELECT} over a stream that only has
 * rows to come takes its first rows and ends. A query's own smaller {@code LIMIT} stays. A
 * {@code SELECT STREAM} is left as it is: its reader stops after that many rows, whatever they are
 * (an updating result's changes included).
 */
public final class RowLimit {
    private RowLimit() {
    }

    /** The query, returning at most {@code maxRows} rows; unchanged if {@code maxRows} is 0 or less. */
    public static SqlNode apply(SqlNode query, long maxRows) {
        if (maxRows <= 0 || Modality.isStream(query)) {
            return query;
        }
        SqlParserPos pos = query.getParserPosition();
        if (query instanceof SqlWith with) {
            return new SqlWith(pos, with.withList, apply(with.body, maxRows));
        }
        if (query instanceof SqlOrderBy orderBy) {
            long fetch = orderBy.fetch instanceof SqlLiteral literal
                    ? Math.min(literal.longValue(true), maxRows) : maxRows;
            return new SqlOrderBy(pos, orderBy.query, orderBy.orderList, orderBy.offset, count(fetch, pos));
        }
        return new SqlOrderBy(pos, query, SqlNodeList.EMPTY, null, count(maxRows, pos));
    }

    private static SqlNode count(long rows, SqlParserPos pos) {
        return SqlLiteral.createExactNumeric(BigDecimal.valueOf(rows).toPlainString(), pos);
    }
}

package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWith;

/** Whether a query reads its tables as streams: {@code SELECT STREAM}. */
public final class Modality {
    private Modality() {
    }

    public static boolean isStream(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy) {
            return isStream(orderBy.query);
        }
        if (query instanceof SqlWith with) {
            return isStream(with.body);
        }
        if (query instanceof SqlSelect select) {
            return select.isKeywordPresent(SqlSelectKeyword.STREAM);
        }
        if (query instanceof SqlBasicCall call && !call.getOperandList().isEmpty()) {
            return isStream(call.operand(0));
        }
        return false;
    }
}

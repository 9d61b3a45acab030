package io.sluice.planner.window;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites the window syntaxes Calcite cannot plan into the one it can, before validation:
 * <ul>
 *   <li>Flink's {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} becomes Calcite's
 *   {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), gap)} (Calcite loses the input of a
 *   partitioned table argument when it converts it);
 *   <li>the group-window form {@code GROUP BY TUMBLE(ts, size), k} with {@code TUMBLE_START},
 *   {@code TUMBLE_END} and {@code TUMBLE_ROWTIME} (and the same for HOP and SESSION) becomes the
 *   window table function form grouped by {@code window_start, window_end}, so one plan serves
 *   both.
 * </ul>
 * Rewritten nodes keep the positions of the text they came from.
 */
public final class WindowSyntax extends SqlShuttle {
    private static final List<String> GROUP_WINDOWS = List.of("TUMBLE", "HOP", "SESSION");

    private WindowSyntax() {
    }

    public static SqlNode rewrite(SqlNode query) {
        return query.accept(new WindowSyntax());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select) {
            return groupWindow(select);
        }
        if (visited instanceof SqlBasicCall session && isNamed(session, "SESSION")
                && session.operandCount() == 3 && session.operand(0).getKind() == SqlKind.SET_SEMANTICS_TABLE) {
            return partitionedSession(session);
        }
        return visited;
    }

    private static SqlNode partitionedSession(SqlBasicCall session) {
        SqlCall table = session.operand(0);
        SqlNodeList keys = table.operand(1);
        SqlCall keyDescriptor = SqlStdOperatorTable.DESCRIPTOR.createCall(keys.getParserPosition(), keys.getList());
        return session.getOperator().createCall(session.getFunctionQuantifier(), session.getParserPosition(),
                table.operand(0), session.operand(1), keyDescriptor, session.operand(2));
    }

    /** {@code GROUP BY TUMBLE(ts, size), k} and its auxiliary functions, as a window table function. */
    private static SqlNode groupWindow(SqlSelect select) {
        SqlNodeList group = select.getGroup();
        if (group == null) {
            return select;
        }
        SqlCall window = null;
        List<SqlNode> keys = new ArrayList<>();
        for (SqlNode node : group) {
            if (node instanceof SqlCall call && GROUP_WINDOWS.stream().anyMatch(name -> isNamed(call, name))) {
                if (window != null) {
                    throw error(call, "a query can group by one window only");
                }
                window = call;
            } else {
                keys.add(node);
            }
        }
        if (window == null) {
            return select;
        }
        String kind = name(window);
        SqlParserPos pos = window.getParserPosition();
        SqlNode time = window.operand(0);
        if (!(time instanceof SqlIdentifier timeColumn)) {
            throw error(time, "the first argument of " + kind + " must be the time column");
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(table(select.getFrom(), kind));
        operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(time.getParserPosition(), unqualified(timeColumn)));
        if (kind.equals("SESSION")) {
            List<SqlNode> sessionKeys = new ArrayList<>();
            for (SqlNode key : keys) {
                if (!(key instanceof SqlIdentifier id)) {
                    throw error(key, "a session window is keyed by columns; group by a column here");
                }
                sessionKeys.add(unqualified(id));
            }
            operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(pos, sessionKeys));
        }
        operands.addAll(window.getOperandList().subList(1, window.operandCount()));
        SqlCall function = new SqlBasicCall(new SqlUnresolvedFunction(new SqlIdentifier(kind, pos), null, null, null,
                null, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION), operands, pos);
        SqlNode from = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, function);
        String alias = alias(select.getFrom());
        select.setFrom(alias == null ? from : SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier(alias, pos)));

        List<SqlNode> newGroup = new ArrayList<>();
        newGroup.add(new SqlIdentifier(WindowTableFunction.WINDOW_START, pos));
        newGroup.add(new SqlIdentifier(WindowTableFunction.WINDOW_END, pos));
        newGroup.add(new SqlIdentifier(WindowTableFunction.WINDOW_TIME, pos));
        newGroup.addAll(keys);
        select.setGroupBy(new SqlNodeList(newGroup, group.getParserPosition()));

        AuxiliaryFunctions auxiliary = new AuxiliaryFunctions(kind, window);
        select.setSelectList((SqlNodeList) select.getSelectList().accept(auxiliary));
        if (select.getHaving() != null) {
            select.setHaving(select.getHaving().accept(auxiliary));
        }
        return select;
    }

    /** The table operand for the window function: {@code TABLE t} or a subquery. */
    private static SqlNode table(SqlNode from, String kind) {
        SqlNode source = from.getKind() == SqlKind.AS ? ((SqlCall) from).operand(0) : from;
        if (source instanceof SqlIdentifier table) {
            return SqlStdOperatorTable.EXPLICIT_TABLE.createCall(table.getParserPosition(), table);
        }
        if (source.isA(SqlKind.QUERY)) {
            return source;
        }
        throw error(from, "GROUP BY " + kind + "(...) needs one table or subquery in FROM; "
                + "for joins, group the join in a subquery");
    }

    /** The name the query uses for its FROM table, to keep qualified column references working. */
    private static String alias(SqlNode from) {
        if (from.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
        }
        return from instanceof SqlIdentifier table ? table.names.get(table.names.size() - 1) : null;
    }

    private static SqlIdentifier unqualified(SqlIdentifier identifier) {
        return new SqlIdentifier(identifier.names.get(identifier.names.size() - 1), identifier.getParserPosition());
    }

    static boolean isNamed(SqlCall call, String name) {
        return name(call).equals(name);
    }

    static String name(SqlCall call) {
        return call.getOperator().getName().toUpperCase(Locale.ROOT).replace("$", "");
    }

    static SluiceException error(SqlNode node, String message) {
        SqlParserPos pos = node.getParserPosition();
        return new SluiceException(ErrorCode.VALIDATION_ERROR, message, pos.getLineNum(), pos.getColumnNum(), null);
    }

    /** Replaces {@code TUMBLE_START(...)} and friends by the window table function's columns. */
    private static final class AuxiliaryFunctions extends SqlShuttle {
        private final String kind;
        private final SqlCall window;

        AuxiliaryFunctions(String kind, SqlCall window) {
            this.kind = kind;
            this.window = window;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            String name = name(call);
            String column = name.equals(kind + "_START") ? WindowTableFunction.WINDOW_START
                    : name.equals(kind + "_END") ? WindowTableFunction.WINDOW_END
                    : name.equals(kind + "_ROWTIME") ? WindowTableFunction.WINDOW_TIME
                    : null;
            if (column == null) {
                return super.visit(call);
            }
            if (!sameArguments(call, window)) {
                throw error(call, name + " must have the same arguments as the " + kind + " in GROUP BY");
            }
            return new SqlIdentifier(column, call.getParserPosition());
        }

        private static boolean sameArguments(SqlCall auxiliary, SqlCall window) {
            if (auxiliary.operandCount() != window.operandCount()) {
                return false;
            }
            for (int i = 0; i < window.operandCount(); i++) {
                if (!auxiliary.operand(i).equalsDeep(window.operand(i), org.apache.calcite.util.Litmus.IGNORE)) {
                    return false;
                }
            }
            return true;
        }
    }
}

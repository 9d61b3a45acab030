package io.sluice.parser;

import io.sluice.parser.ast.SourcePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Checks how deeply a parsed query or expression nests, without recursion of its own. */
final class ExpressionDepth {
    /** The most levels a query or expression may nest: planning takes a few stack frames for each. */
    static final int MAX_DEPTH = 1000;

    private ExpressionDepth() {
    }

    /** @throws StatementTooDeepError if a node lies deeper than {@link #MAX_DEPTH} */
    static void check(SqlNode root, SourcePosition fallback) {
        record Level(SqlNode node, int depth) {
        }
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (level.depth() > MAX_DEPTH) {
                SqlParserPos pos = level.node().getParserPosition();
                SourcePosition position = pos.getLineNum() > 0 && pos.getColumnNum() > 0
                        ? new SourcePosition(pos.getLineNum(), pos.getColumnNum())
                        : fallback;
                throw new StatementTooDeepError(position, "the statement nests more than " + MAX_DEPTH
                        + " levels deep (an expression within too many others, or a chain of too many ORs or ANDs); "
                        + "split it, or use IN (...) for a long list of values");
            }
            Iterable<? extends SqlNode> children = level.node() instanceof SqlNodeList list ? list
                    : level.node() instanceof SqlCall call ? call.getOperandList()
                    : java.util.List.of();
            for (SqlNode child : children) {
                if (child != null) {
                    pending.push(new Level(child, level.depth() + 1));
                }
            }
        }
    }
}

package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.DescribeFunction;
import io.sluice.planner.calcite.FunctionCatalog;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;

/** {@code DESCRIBE FUNCTION name}: one row per signature of the function, with its kind. */
final class DescribeFunctionExecutor implements StatementExecutor<DescribeFunction> {
    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.varchar("name"), ResultColumn.varchar("kind"),
            ResultColumn.varchar("signature"));

    @Override
    public StatementResult execute(DescribeFunction statement, Session session) {
        FunctionCatalog.Function function = FunctionCatalog.find(statement.name());
        if (function == null) {
            throw new SluiceException(ErrorCode.UNDEFINED_FUNCTION, "no function " + statement.name()
                    + " (SHOW FUNCTIONS lists them)", statement.position().line(), statement.position().column(), null);
        }
        List<Object[]> rows = new ArrayList<>();
        for (String signature : function.signatures()) {
            rows.add(new Object[] {function.name(), function.kind(), signature});
        }
        return ShowExecutor.info(COLUMNS, rows);
    }
}

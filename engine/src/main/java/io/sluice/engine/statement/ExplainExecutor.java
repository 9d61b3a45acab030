package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.Query;
import io.sluice.planner.QueryPlanner;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;

/** {@code EXPLAIN query}: the logical plan, the physical plan and the generated code, as one text. */
final class ExplainExecutor implements StatementExecutor<Explain> {
    @Override
    public StatementResult execute(Explain statement, Session session) {
        if (!(statement.explained() instanceof Query query)) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "EXPLAIN of this statement is not supported yet");
        }
        String text = new QueryPlanner(session.engine().sql()).plan(query.query()).explain();
        return ShowExecutor.info(List.of(ResultColumn.varchar("plan")), List.<Object[]>of(new Object[] {text}));
    }
}

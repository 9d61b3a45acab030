package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DescribeFunction;
import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.ExplainAnalyze;
import io.sluice.parser.ast.Insert;
import io.sluice.parser.ast.ListOptions;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import io.sluice.parser.ast.Statement;
import io.sluice.parser.ast.StatementSet;
import io.sluice.parser.ast.StopJob;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.HashMap;
import java.util.Map;

/** Which executor runs which kind of statement. */
public final class Executors {
    private final Map<Class<? extends Statement>, StatementExecutor<? extends Statement>> executors = new HashMap<>();

    public Executors() {
        register(CreateTable.class, new CreateTableExecutor());
        register(DropObject.class, new DropExecutor());
        register(Show.class, new ShowExecutor());
        register(Describe.class, new DescribeExecutor());
        register(DescribeFunction.class, new DescribeFunctionExecutor());
        register(Explain.class, new ExplainExecutor());
        register(ExplainAnalyze.class, new ExplainAnalyzeExecutor());
        register(SetOption.class, OptionExecutors::set);
        register(ListOptions.class, OptionExecutors::list);
        register(ResetOption.class, OptionExecutors::reset);
        register(Query.class, new QueryExecutor());
        register(CreateView.class, new CreateViewExecutor());
        register(Insert.class, new InsertExecutor());
        register(StatementSet.class, new StatementSetExecutor());
        register(StopJob.class, new StopJobExecutor());
    }

    public StatementResult execute(Statement statement, Session session) {
        @SuppressWarnings("unchecked")
        StatementExecutor<Statement> executor = (StatementExecutor<Statement>) executors.get(statement.getClass());
        if (executor == null) {
            throw SluiceException.internal("no executor for " + statement.getClass().getSimpleName(), null);
        }
        return executor.execute(statement, session);
    }

    private <S extends Statement> void register(Class<S> kind, StatementExecutor<S> executor) {
        executors.put(kind, executor);
    }

    private static <S extends Statement> StatementExecutor<S> notYet(String what) {
        return (statement, session) -> {
            throw new SluiceException(ErrorCode.UNSUPPORTED, what + " is not supported yet");
        };
    }
}

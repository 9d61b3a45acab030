package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.ListOptions;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code SET 'key' = 'value'}, bare {@code SET} (lists the options) and {@code RESET}. */
final class OptionExecutors {
    private OptionExecutors() {
    }

    static StatementResult set(SetOption statement, Session session) {
        String note = session.set(statement.key(), statement.value());
        return StatementResult.done(note != null ? note : "'" + statement.key() + "' set to '" + statement.value() + "'");
    }

    static StatementResult list(ListOptions statement, Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> option : session.options().entrySet()) {
            rows.add(new Object[] {option.getKey(), option.getValue()});
        }
        return ShowExecutor.info(List.of(ResultColumn.varchar("key"), ResultColumn.varchar("value")), rows);
    }

    static StatementResult reset(ResetOption statement, Session session) {
        session.reset(statement.key());
        return StatementResult.done(statement.key().map(k -> "'" + k + "' reset").orElse("all options reset"));
    }
}

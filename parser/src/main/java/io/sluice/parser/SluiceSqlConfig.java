package io.sluice.parser;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;

/**
 * The one place that configures Calcite's SQL parser for Sluice. The planner builds its validator
 * with the same {@link #conformance()}, so what parses here also validates there.
 *
 * <p>Identifiers follow Flink: case-sensitive, unquoted names kept as written, backticks quote
 * ({@code `dateTime`}); that is Calcite's {@link Lex#JAVA}.
 */
public final class SluiceSqlConfig {
    private static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withLex(Lex.JAVA)
            .withConformance(SluiceConformance.INSTANCE);

    private SluiceSqlConfig() {
    }

    public static SqlParser.Config parserConfig() {
        return PARSER_CONFIG;
    }

    public static SqlConformance conformance() {
        return SluiceConformance.INSTANCE;
    }
}

package io.sluice.parser;

import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

/**
 * Hands query bodies and expressions to Calcite's parser. The text is placed at its absolute
 * position (preceded by as many line breaks and spaces as it is far from the script's start), so
 * the positions Calcite stores in the nodes, and in its errors, are the script's own.
 *
 * <p>The SQL standard reserves the names of some statistics ({@code CORR}, {@code REGR_SLOPE},
 * {@code REGR_INTERCEPT}) that Calcite's core grammar then cannot call, and the names of functions
 * ({@code COUNT}, {@code SUM}, {@code MAX} …) that it then refuses as aliases, although tools write
 * {@code SELECT COUNT(*) AS count}. Text that fails with one of them is parsed again with Calcite's
 * Babel grammar, which accepts them; everything else gets the core grammar and its precise errors.
 *
 * <p>What it returns nests at most {@link ExpressionDepth#MAX_DEPTH} levels deep, and writes
 * Flink's type names as Calcite's ({@link FlinkTypeAliases}).
 */
final class CalciteBodyParser {
    private static final Pattern RESERVED_FUNCTIONS =
            Pattern.compile("(?i)\\b(CORR|REGR_SLOPE|REGR_INTERCEPT)\\s*\\(");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+([A-Z_][A-Z_0-9]*)");
    private static final SqlAbstractParserImpl.Metadata CORE_KEYWORDS = SluiceSqlConfig.parserConfig().parserFactory()
            .getParser(new StringReader("")).getMetadata();
    private static final SqlParser.Config BABEL = SluiceSqlConfig.parserConfig()
            .withParserFactory(SqlBabelParserImpl.FACTORY);

    private CalciteBodyParser() {
    }

    static SqlNode parseQuery(EmbeddedSql sql) {
        SqlNode node;
        try {
            node = parser(sql, SluiceSqlConfig.parserConfig()).parseQuery();
        } catch (SqlParseException e) {
            node = retryWithBabel(sql, e, true);
        }
        if (!node.isA(SqlKind.QUERY)) {
            throw new SqlParseError(sql.start(), "expected a query, found " + node.getKind());
        }
        ExpressionDepth.check(node, sql.start());
        FlinkTypeAliases.resolve(node);
        return node;
    }

    static SqlNode parseExpression(EmbeddedSql sql) {
        SqlNode node;
        try {
            node = parser(sql, SluiceSqlConfig.parserConfig()).parseExpression();
        } catch (SqlParseException e) {
            node = retryWithBabel(sql, e, false);
        }
        ExpressionDepth.check(node, sql.start());
        FlinkTypeAliases.resolve(node);
        return node;
    }

    /** Parses with Babel when the text calls a reserved statistic; otherwise reports the core grammar's error. */
    private static SqlNode retryWithBabel(EmbeddedSql sql, SqlParseException coreError, boolean query) {
        if (!RESERVED_FUNCTIONS.matcher(sql.text()).find() && !hasReservedAlias(sql.text())) {
            throw CalciteSyntaxErrors.translate(coreError, sql);
        }
        try {
            SqlParser parser = parser(sql, BABEL);
            return query ? parser.parseQuery() : parser.parseExpression();
        } catch (SqlParseException e) {
            throw CalciteSyntaxErrors.translate(coreError, sql);
        }
    }

    private static boolean hasReservedAlias(String text) {
        Matcher alias = ALIAS.matcher(text);
        while (alias.find()) {
            if (CORE_KEYWORDS.isReservedWord(alias.group(1).toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static SqlParser parser(EmbeddedSql sql, SqlParser.Config config) {
        String placed = "\n".repeat(sql.start().line() - 1) + " ".repeat(sql.start().column() - 1) + sql.text();
        return SqlParser.create(placed, config);
    }
}

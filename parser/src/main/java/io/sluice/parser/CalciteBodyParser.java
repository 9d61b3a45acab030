package io.sluice.parser;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Hands query bodies and expressions to Calcite's parser. The text is placed at its absolute
 * position (preceded by as many line breaks and spaces as it is far from the script's start), so
 * the positions Calcite stores in the nodes, and in its errors, are the script's own.
 */
final class CalciteBodyParser {
    private CalciteBodyParser() {
    }

    static SqlNode parseQuery(EmbeddedSql sql) {
        SqlNode node;
        try {
            node = parser(sql).parseQuery();
        } catch (SqlParseException e) {
            throw CalciteSyntaxErrors.translate(e, sql);
        }
        if (!node.isA(SqlKind.QUERY)) {
            throw new SqlParseError(sql.start(), "expected a query, found " + node.getKind());
        }
        return node;
    }

    static SqlNode parseExpression(EmbeddedSql sql) {
        try {
            return parser(sql).parseExpression();
        } catch (SqlParseException e) {
            throw CalciteSyntaxErrors.translate(e, sql);
        }
    }

    private static SqlParser parser(EmbeddedSql sql) {
        String placed = "\n".repeat(sql.start().line() - 1) + " ".repeat(sql.start().column() - 1) + sql.text();
        return SqlParser.create(placed, SluiceSqlConfig.parserConfig());
    }
}

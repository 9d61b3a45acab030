package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseErrorTest {
    private final StatementParser parser = new StatementParser();

    private SqlParseError errorIn(String script, int statement) {
        List<StatementText> statements = StatementSplitter.split(script);
        return assertThrows(SqlParseError.class, () -> parser.parse(statements.get(statement)));
    }

    @Test
    void misspeltKeywordInTheSecondStatementIsReportedWhereItIsInTheScript() {
        String script = "CREATE STREAM s (a INT) WITH ('connector' = 'values');\n\n  DROP  STREM s;";

        SqlParseError error = errorIn(script, 1);

        assertEquals(3, error.line());
        assertEquals(9, error.column());
        assertEquals("syntax error at 'STREM': expected MATERIALIZED, STREAM, TABLE, TEMPORARY or VIEW", error.detail());
        assertEquals("line 3, column 9: syntax error at 'STREM': expected MATERIALIZED, STREAM, TABLE, TEMPORARY or VIEW", error.getMessage());
    }

    @Test
    void misspeltKeywordOnALaterLineOfAStatementThatStartsMidLine() {
        String script = "SHOW TABLES; CREATE STREAM s (\n  a INT\n) WTIH ('k' = 'v');";

        SqlParseError error = errorIn(script, 1);

        assertEquals(3, error.line());
        assertEquals(3, error.column());
        assertEquals("syntax error at 'WTIH': expected WITH, COMMENT or end of statement", error.detail());
    }

    @Test
    void calciteSyntaxErrorOnTheThirdLineOfAQueryIsReportedWhereItIsInTheScript() {
        String script = "SET 'a' = 'b';\n  SELECT a,\n         b\n  FROM t WHERE a = = 1;";

        SqlParseError error = errorIn(script, 1);

        assertEquals(4, error.line());
        assertEquals(20, error.column());
        assertEquals("syntax error at '=': expected an expression", error.detail());
    }

    @Test
    void calciteErrorListsAFewAlternativesOnly() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SELECT a FROM t WHERE b = 1 FORM x"));

        assertEquals(29, error.column());
        assertTrue(error.detail().startsWith("syntax error at 'FORM': expected end of statement, "), error.detail());
        assertTrue(error.detail().endsWith(", ..."), error.detail());
        assertEquals(Alternatives.MAX_SHOWN, error.detail().split(":")[1].split(",").length - 1, error.detail());
        assertFalse(error.getMessage().contains("Was expecting"), error.getMessage());
    }

    @Test
    void queryEndingTooSoon() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SELECT a\nFROM t\nWHERE  ;"));

        assertEquals(3, error.line());
        assertEquals(6, error.column());
        assertEquals("unexpected end of statement: expected an expression", error.detail());
    }

    @Test
    void statementEndingTooSoon() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("CREATE STREAM t (a INT"));

        assertEquals(23, error.column());
        assertTrue(error.detail().startsWith("unexpected end of statement: expected "), error.detail());
        assertTrue(error.detail().contains("')'"), error.detail());
    }

    @Test
    void unknownStatement() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("  SELCT 1"));

        assertEquals(3, error.column());
        assertTrue(error.detail().startsWith("syntax error at 'SELCT': expected SELECT, INSERT, CREATE, "),
                error.detail());
    }

    @Test
    void unterminatedStringIsReportedWhereItOpens() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parser.parse(new StatementText("CREATE STREAM t (a INT)\nWITH ('k' = 'v)", 5, 10)));

        assertEquals(6, error.line());
        assertEquals(13, error.column());
        assertEquals("unterminated string literal: missing closing '", error.detail());
    }

    @Test
    void aDoubleQuotedNameThatCannotBeReadAsOneInBackticksGetsAHint() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("DROP TABLE \"t`1\""));

        assertEquals(12, error.column());
        assertEquals("syntax error at '\"t`1\"': expected an identifier (strings take single quotes, identifiers backticks)",
                error.detail());
    }

    @Test
    void unexpectedCharacterInAQuery() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SELECT a ~ b FROM t"));

        assertEquals(10, error.column());
        assertEquals("unexpected character '~'", error.detail());
    }

    @Test
    void secondStatementInOneParseIsAnError() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SHOW TABLES; SHOW VIEWS"));

        assertEquals(14, error.column());
        assertEquals("syntax error at 'SHOW': expected end of statement", error.detail());
    }

    @Test
    void keywordWrittenAsANameGetsAHint() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse(
                "SELECT * FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))"));

        assertEquals(55, error.column());
        assertEquals("syntax error at ')': expected a string literal or '(' "
                + "('dateTime' is a keyword; write `dateTime` to use it as a name)", error.detail());
    }

    @Test
    void keywordWrittenAsAKeywordGetsNoHint() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SELECT a FROM t WHERE b = 1 FROM x"));

        assertFalse(error.detail().contains("is a keyword"), error.detail());
    }

    @Test
    void emptyStatement() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse(" -- nothing\n"));

        assertEquals("empty statement", error.detail());
    }

    @Test
    void errorCarriesItsPositionAndShortMessage() {
        SqlParseError error = new SqlParseError(new SourcePosition(7, 2), "something is off");

        assertEquals(new SourcePosition(7, 2), error.position());
        assertEquals(7, error.line());
        assertEquals(2, error.column());
        assertEquals("something is off", error.detail());
        assertEquals("line 7, column 2: something is off", error.getMessage());
    }
}

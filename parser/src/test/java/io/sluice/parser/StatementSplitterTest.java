package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void semicolonsInsideStringsAndQuotedIdentifiersDoNotSplit() {
        List<StatementText> statements = StatementSplitter.split("SELECT 'a;b' FROM t; SELECT `x;y` FROM u;");

        assertEquals(List.of(
                new StatementText("SELECT 'a;b' FROM t", 1, 1),
                new StatementText("SELECT `x;y` FROM u", 1, 22)), statements);
    }

    @Test
    void escapedQuotesStayInsideTheString() {
        List<StatementText> statements = StatementSplitter.split("SELECT 'it''s; fine' FROM t; SELECT 2");

        assertEquals(List.of(
                new StatementText("SELECT 'it''s; fine' FROM t", 1, 1),
                new StatementText("SELECT 2", 1, 30)), statements);
    }

    @Test
    void semicolonsInsideCommentsDoNotSplit() {
        String script = "SELECT 1 -- a;b\nFROM t; /* c;d */ SELECT 2;";

        assertEquals(List.of(
                new StatementText("SELECT 1 -- a;b\nFROM t", 1, 1),
                new StatementText("SELECT 2", 2, 19)), StatementSplitter.split(script));
    }

    @Test
    void commentsBeforeAndAfterAStatementAreNotPartOfIt() {
        String script = "-- the first\n  /* query */ SELECT 1 -- trailing\n;";

        assertEquals(List.of(new StatementText("SELECT 1", 2, 15)), StatementSplitter.split(script));
    }

    @Test
    void emptyStatementsAreDropped() {
        String script = ";; -- only a comment\n ; SELECT 1;; /* nothing */ ;";

        assertEquals(List.of(new StatementText("SELECT 1", 2, 4)), StatementSplitter.split(script));
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertEquals(List.of(
                new StatementText("SELECT 1", 1, 1),
                new StatementText("SELECT 2", 2, 1)), StatementSplitter.split("SELECT 1;\nSELECT 2"));
    }

    @Test
    void aScriptWithoutStatementsHasNone() {
        assertEquals(List.of(), StatementSplitter.split(""));
        assertEquals(List.of(), StatementSplitter.split("  \n -- nothing\n /* here */ \n"));
    }

    @Test
    void executeStatementSetIsOneStatement() {
        String script = """
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT 1;
                  INSERT INTO b SELECT CASE WHEN x THEN 1 END FROM t;
                END;
                SELECT 3;""";

        List<StatementText> statements = StatementSplitter.split(script);

        assertEquals(List.of(
                new StatementText("""
                        EXECUTE STATEMENT SET BEGIN
                          INSERT INTO a SELECT 1;
                          INSERT INTO b SELECT CASE WHEN x THEN 1 END FROM t;
                        END""", 1, 1),
                new StatementText("SELECT 3", 5, 1)), statements);
    }

    @Test
    void flinkClientStatementSetIsOneStatement() {
        String script = "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;\nSHOW TABLES";

        assertEquals(List.of(
                new StatementText("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND", 1, 1),
                new StatementText("SHOW TABLES", 4, 1)), StatementSplitter.split(script));
    }

    @Test
    void anEndThatClosesACaseDoesNotCloseTheStatementSet() {
        String script = "BEGIN STATEMENT SET; INSERT INTO a SELECT CASE WHEN b THEN 1 END; END; SELECT 2";

        assertEquals(List.of(
                new StatementText("BEGIN STATEMENT SET; INSERT INTO a SELECT CASE WHEN b THEN 1 END; END", 1, 1),
                new StatementText("SELECT 2", 1, 72)), StatementSplitter.split(script));
    }

    @Test
    void anUnclosedBlockCommentIsAnErrorWhereItOpens() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> StatementSplitter.split("SELECT 1;\n  /* forgot to close\nSELECT 2;"));

        assertEquals(2, error.line());
        assertEquals(3, error.column());
        assertEquals("unterminated comment: missing */", error.detail());
    }

    @Test
    void anUnclosedStringBecomesPartOfTheLastStatement() {
        assertEquals(List.of(
                new StatementText("SELECT 1", 1, 1),
                new StatementText("SELECT 'a; b", 1, 11)), StatementSplitter.split("SELECT 1; SELECT 'a; b"));
    }

    @Test
    void positionsCountCharactersNotBytes() {
        assertEquals(List.of(
                new StatementText("SELECT 'é'", 1, 1),
                new StatementText("SELECT 2", 1, 13)), StatementSplitter.split("SELECT 'é'; SELECT 2"));
    }

    @Test
    void completeWhenTheLastStatementIsClosedBySemicolon() {
        assertTrue(StatementSplitter.isComplete("SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1;  \n"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; -- done\n"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; /* done */ "));
        assertTrue(StatementSplitter.isComplete("SELECT 1;\nSELECT 2;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1;;"));
    }

    @Test
    void incompleteWithoutAClosingSemicolon() {
        assertFalse(StatementSplitter.isComplete("SELECT 1"));
        assertFalse(StatementSplitter.isComplete("SELECT 1; SELECT 2"));
        assertFalse(StatementSplitter.isComplete("SELECT 1 -- ;"));
        assertFalse(StatementSplitter.isComplete(""));
        assertFalse(StatementSplitter.isComplete(";"));
        assertFalse(StatementSplitter.isComplete("  -- only a comment;\n"));
    }

    @Test
    void incompleteInsideAnOpenStringIdentifierOrComment() {
        assertFalse(StatementSplitter.isComplete("SELECT 'a;"));
        assertFalse(StatementSplitter.isComplete("SELECT 'it''s;"));
        assertFalse(StatementSplitter.isComplete("SELECT `a;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1; /* open;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1 /* open; */ ; /* again"));
    }

    @Test
    void incompleteUntilTheStatementSetEnds() {
        assertFalse(StatementSplitter.isComplete("BEGIN STATEMENT SET;"));
        assertFalse(StatementSplitter.isComplete("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;"));
        assertFalse(StatementSplitter.isComplete("BEGIN STATEMENT SET;\nINSERT INTO a SELECT CASE WHEN b THEN 1 END;"));
        assertFalse(StatementSplitter.isComplete("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND"));
        assertTrue(StatementSplitter.isComplete("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;"));
        assertFalse(StatementSplitter.isComplete("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END;"));
    }
}

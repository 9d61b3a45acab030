package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Query;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

class DoubleQuotedNamesTest {
    private final StatementParser parser = new StatementParser();

    @Test
    void doubleQuotedNamesAreNamesAsInBackticks() {
        Query query = (Query) parser.parse("SELECT \"dateTime\", 'a \"b\"' AS \"label\" FROM \"bids\" WHERE `x` = 1");
        assertEquals("SELECT `dateTime`, 'a \"b\"' AS `label` FROM `bids` WHERE `x` = 1", query.text());
        SqlSelect select = (SqlSelect) query.query();
        assertEquals("bids", select.getFrom().toString().replace("`", ""));
        assertEquals("dateTime", select.getSelectList().get(0).toString());
        assertEquals("bids", ((DropObject) parser.parse("DROP TABLE \"bids\"")).name());
    }

    @Test
    void positionsStayWhereTheyWere() {
        // FORM is taken as an alias of a; "t" is where the error is
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SELECT \"a\" FORM \"t\""));
        assertEquals(17, error.column());
    }
}

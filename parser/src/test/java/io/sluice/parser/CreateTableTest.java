package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.ColumnKind;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.DataTypeSpec;
import io.sluice.parser.ast.MetadataSpec;
import io.sluice.parser.ast.SourcePosition;
import io.sluice.parser.ast.TableKind;
import io.sluice.parser.ast.WatermarkDefinition;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateTableTest {
    private final StatementParser parser = new StatementParser();

    private CreateTable parse(String sql) {
        return assertInstanceOf(CreateTable.class, parser.parse(sql));
    }

    @Test
    void streamWithEveryKindOfElement() {
        CreateTable table = parse("""
                CREATE STREAM bids (
                  auction BIGINT NOT NULL,
                  price DECIMAL(10, 2) COMMENT 'in cents',
                  `dateTime` TIMESTAMP(3),
                  total AS price * 2,
                  part INT METADATA FROM 'partition' VIRTUAL,
                  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '2' SECOND,
                  PRIMARY KEY (auction) NOT ENFORCED
                ) COMMENT 'all bids' WITH ('connector' = 'nexmark', 'rate' = '1000')""");

        assertEquals(TableKind.STREAM, table.kind());
        assertEquals("bids", table.name());
        assertFalse(table.ifNotExists());
        assertEquals(new SourcePosition(1, 1), table.position());

        List<ColumnDefinition> columns = table.columns();
        assertEquals(List.of("auction", "price", "dateTime", "total", "part"),
                columns.stream().map(ColumnDefinition::name).toList());
        assertEquals(List.of(ColumnKind.PHYSICAL, ColumnKind.PHYSICAL, ColumnKind.PHYSICAL, ColumnKind.COMPUTED,
                ColumnKind.METADATA), columns.stream().map(ColumnDefinition::kind).toList());

        assertEquals(new DataTypeSpec("BIGINT", List.of(), false, new SourcePosition(2, 11)), columns.get(0).type());
        assertEquals(new SourcePosition(2, 3), columns.get(0).position());
        assertEquals(new DataTypeSpec("DECIMAL", List.of(10, 2), true, new SourcePosition(3, 9)), columns.get(1).type());
        assertEquals(Optional.of("in cents"), columns.get(1).comment());
        assertEquals(new DataTypeSpec("TIMESTAMP", List.of(3), true, new SourcePosition(4, 14)), columns.get(2).type());

        ColumnDefinition total = columns.get(3);
        assertEquals(null, total.type());
        assertEquals("`price` * 2", total.computed().orElseThrow().toString());
        assertEquals(new MetadataSpec("partition", true), columns.get(4).metadata().orElseThrow());
        assertEquals("INT", columns.get(4).type().name());

        WatermarkDefinition watermark = table.watermark().orElseThrow();
        assertEquals("dateTime", watermark.column());
        assertEquals("`dateTime` - INTERVAL '2' SECOND", watermark.expression().toString());
        assertEquals(new SourcePosition(7, 3), watermark.position());

        assertEquals(List.of("auction"), table.primaryKey());
        assertEquals(Optional.of("all bids"), table.comment());
        assertEquals(List.of("connector", "rate"), List.copyOf(table.options().keySet()));
        assertEquals("nexmark", table.options().get("connector"));
        assertEquals("1000", table.options().get("rate"));
    }

    @Test
    void watermarkExpressionIsACalciteNodeAtItsAbsolutePosition() {
        StatementText statement = new StatementText(
                "CREATE STREAM t (\n  ts TIMESTAMP(3),\n  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)", 4, 3);

        CreateTable table = assertInstanceOf(CreateTable.class, parser.parse(statement));

        SqlBasicCall minus = assertInstanceOf(SqlBasicCall.class, table.watermark().orElseThrow().expression());
        assertEquals(SqlKind.MINUS, minus.getKind());
        SqlIdentifier ts = assertInstanceOf(SqlIdentifier.class, minus.operand(0));
        assertEquals("ts", ts.getSimple());
        // "  WATERMARK FOR ts AS ts - ..." is the statement's third line, so line 6 of the script.
        assertEquals(6, ts.getParserPosition().getLineNum());
        assertEquals(23, ts.getParserPosition().getColumnNum());
        SqlIntervalLiteral interval = assertInstanceOf(SqlIntervalLiteral.class, minus.operand(1));
        assertEquals("INTERVAL '5' SECOND", interval.toString());
        assertEquals(new SourcePosition(6, 3), table.watermark().orElseThrow().position());
        assertEquals(new SourcePosition(4, 3), table.position());
        assertEquals(new SourcePosition(5, 3), table.columns().get(0).position());
    }

    @Test
    void computedColumnMayHoldParenthesesCommasAndAComment() {
        CreateTable table = parse("CREATE TABLE t (a INT, b AS CAST(a AS DECIMAL(10, 2)) * (a + 1) COMMENT 'doubled', c INT)");

        assertEquals(List.of("a", "b", "c"), table.columns().stream().map(ColumnDefinition::name).toList());
        ColumnDefinition b = table.columns().get(1);
        SqlNode expression = b.computed().orElseThrow();
        assertEquals(SqlKind.TIMES, expression.getKind());
        assertEquals("CAST(`a` AS DECIMAL(10, 2)) * (`a` + 1)", expression.toString());
        assertEquals(Optional.of("doubled"), b.comment());
    }

    @Test
    void metadataKeyDefaultsToTheColumnName() {
        CreateTable table = parse("CREATE TABLE t (`offset` BIGINT METADATA, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp')");

        assertEquals(new MetadataSpec("offset", false), table.columns().get(0).metadata().orElseThrow());
        assertEquals(new MetadataSpec("timestamp", false), table.columns().get(1).metadata().orElseThrow());
        assertEquals(new DataTypeSpec("TIMESTAMP_LTZ", List.of(3), true, new SourcePosition(1, 46)),
                table.columns().get(1).type());
    }

    @Test
    void tableKindIfNotExistsAndCaseInsensitiveKeywords() {
        CreateTable table = parse("create table if not exists Orders (Id int) with ('connector' = 'file')");

        assertEquals(TableKind.TABLE, table.kind());
        assertTrue(table.ifNotExists());
        assertEquals("Orders", table.name());
        assertEquals("Id", table.columns().get(0).name());
        assertEquals("INT", table.columns().get(0).type().name());
        assertEquals(List.of(), table.primaryKey());
        assertEquals(Optional.empty(), table.watermark());
        assertEquals(Optional.empty(), table.comment());
    }

    @Test
    void backticksQuoteAndKeywordsMayNameColumns() {
        CreateTable table = parse("CREATE STREAM `my stream` (`a``b` INT, key STRING, comment STRING, timestamp TIMESTAMP(3))");

        assertEquals("my stream", table.name());
        assertEquals(List.of("a`b", "key", "comment", "timestamp"),
                table.columns().stream().map(ColumnDefinition::name).toList());
    }

    @Test
    void optionsKeepTheirOrderAndCannotBeChanged() {
        CreateTable table = parse("CREATE STREAM t (a INT) WITH ('connector' = 'file', 'path' = '/tmp/x', "
                + "'format' = 'csv', 'csv.field-delimiter' = '|', 'b' = 'it''s')");

        assertEquals(List.of("connector", "path", "format", "csv.field-delimiter", "b"),
                List.copyOf(table.options().keySet()));
        assertEquals("it's", table.options().get("b"));
        assertThrows(UnsupportedOperationException.class, () -> table.options().put("x", "y"));
    }

    @Test
    void primaryKeyForms() {
        assertEquals(List.of("a", "b"), parse("CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b))").primaryKey());
        assertEquals(List.of("b"),
                parse("CREATE TABLE t (a INT, b INT, CONSTRAINT pk PRIMARY KEY (b) NOT ENFORCED)").primaryKey());
        assertEquals(List.of("a"), parse("CREATE TABLE t (a INT NOT NULL PRIMARY KEY NOT ENFORCED, b INT)").primaryKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "boolean | BOOLEAN | ''",
        "TinyInt | TINYINT | ''",
        "SMALLINT | SMALLINT | ''",
        "int | INT | ''",
        "integer | INTEGER | ''",
        "BIGINT | BIGINT | ''",
        "float | FLOAT | ''",
        "real | REAL | ''",
        "double | DOUBLE | ''",
        "double   precision | DOUBLE PRECISION | ''",
        "decimal | DECIMAL | ''",
        "DECIMAL(10) | DECIMAL | 10",
        "decimal(10, 2) | DECIMAL | 10 2",
        "dec(5,1) | DEC | 5 1",
        "numeric(7) | NUMERIC | 7",
        "char(3) | CHAR | 3",
        "varchar | VARCHAR | ''",
        "varchar(255) | VARCHAR | 255",
        "string | STRING | ''",
        "binary(4) | BINARY | 4",
        "varbinary(16) | VARBINARY | 16",
        "bytes | BYTES | ''",
        "date | DATE | ''",
        "time | TIME | ''",
        "time(3) | TIME | 3",
        "timestamp | TIMESTAMP | ''",
        "timestamp(3) | TIMESTAMP | 3",
        "timestamp(3) without time zone | TIMESTAMP WITHOUT TIME ZONE | 3",
        "TIMESTAMP WITHOUT  TIME ZONE | TIMESTAMP WITHOUT TIME ZONE | ''",
        "timestamp_ltz(3) | TIMESTAMP_LTZ | 3",
        "timestamp(6) with local time zone | TIMESTAMP WITH LOCAL TIME ZONE | 6",
        "interval day to second(3) | INTERVAL DAY TO SECOND | 2 3",
        "interval day(4) to second | INTERVAL DAY TO SECOND | 4 6",
        "INTERVAL YEAR TO MONTH | INTERVAL YEAR TO MONTH | 2",
        "interval year(3) | INTERVAL YEAR | 3",
        "interval hour to minute | INTERVAL HOUR TO MINUTE | 2",
        "interval minute to second | INTERVAL MINUTE TO SECOND | 2 6",
        "interval second | INTERVAL SECOND | 2 6",
        "interval second(5, 3) | INTERVAL SECOND | 5 3",
    })
    void dataTypesAreNormalised(String written, String name, String parameters) {
        CreateTable table = parse("CREATE STREAM t (c " + written + ")");

        DataTypeSpec type = table.columns().get(0).type();
        assertEquals(name, type.name());
        List<Integer> expected = parameters.isEmpty()
                ? List.of()
                : List.of(parameters.split(" ")).stream().map(Integer::valueOf).toList();
        assertEquals(expected, type.parameters());
        assertEquals(new SourcePosition(1, 20), type.position());
    }

    @Test
    void nullability() {
        CreateTable table = parse("CREATE STREAM t (a INT NOT NULL, b INT NULL, c INT)");

        assertEquals(List.of(false, true, true), table.columns().stream().map(c -> c.type().nullable()).toList());
    }

    @Test
    void unknownTypeWordIsASyntaxError() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parse("CREATE STREAM t (a INT, b INTEGR)"));

        assertEquals(1, error.line());
        assertEquals(27, error.column());
        assertEquals("syntax error at 'INTEGR': expected AS or a data type", error.detail());
    }

    @Test
    void aTypeThatTakesNoParametersRejectsThem() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parse("CREATE STREAM t (a INT(3))"));

        assertEquals(23, error.column());
        assertTrue(error.detail().startsWith("syntax error at '(': expected "), error.detail());
    }

    @Test
    void intervalFieldsMustRunFromLargerToSmaller() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parse("CREATE STREAM t (a INTERVAL SECOND TO DAY)"));

        assertEquals(39, error.column());
        assertEquals("invalid interval type: INTERVAL SECOND TO DAY", error.detail());
        assertThrows(SqlParseError.class, () -> parse("CREATE STREAM t (a INTERVAL MONTH TO DAY)"));
        assertThrows(SqlParseError.class, () -> parse("CREATE STREAM t (a INTERVAL DAY(2, 3))"));
    }

    @Test
    void duplicateColumnIsReportedAtTheSecond() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parse("CREATE STREAM t (\n  a INT,\n  b INT,\n  a BIGINT)"));

        assertEquals(4, error.line());
        assertEquals(3, error.column());
        assertEquals("duplicate column 'a'", error.detail());
    }

    @Test
    void columnNamesAreCaseSensitive() {
        assertEquals(2, parse("CREATE STREAM t (a INT, A INT)").columns().size());
    }

    @Test
    void duplicateOptionIsReportedAtTheSecondKey() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parse("CREATE STREAM t (a INT) WITH ('k' = '1',\n 'x' = '2', 'k' = '3')"));

        assertEquals(2, error.line());
        assertEquals(13, error.column());
        assertEquals("duplicate option 'k'", error.detail());
    }

    @Test
    void onlyOneWatermarkAndOnePrimaryKey() {
        SqlParseError watermarks = assertThrows(SqlParseError.class, () -> parse(
                "CREATE STREAM t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)"));
        assertEquals(59, watermarks.column());
        assertEquals("only one WATERMARK definition is allowed", watermarks.detail());

        SqlParseError keys = assertThrows(SqlParseError.class,
                () -> parse("CREATE TABLE t (a INT PRIMARY KEY, PRIMARY KEY (a))"));
        assertEquals(36, keys.column());
        assertEquals("only one PRIMARY KEY is allowed", keys.detail());
    }

    @Test
    void watermarkAndPrimaryKeyMustNameColumns() {
        SqlParseError watermark = assertThrows(SqlParseError.class,
                () -> parse("CREATE STREAM t (ts TIMESTAMP(3), WATERMARK FOR tz AS ts)"));
        assertEquals(49, watermark.column());
        assertEquals("watermark column 'tz' is not a column of the table", watermark.detail());

        SqlParseError key = assertThrows(SqlParseError.class,
                () -> parse("CREATE TABLE t (a INT, PRIMARY KEY (a, b))"));
        assertEquals(40, key.column());
        assertEquals("primary key column 'b' is not a column of the table", key.detail());
    }

    @Test
    void computedColumnSyntaxErrorsComeFromCalciteAtAbsolutePositions() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parser.parse(new StatementText("CREATE STREAM t (\n  a INT,\n  b AS a + )", 10, 1)));

        assertEquals(12, error.line());
        assertEquals(12, error.column());
        assertEquals("syntax error at ')': expected an expression", error.detail());
    }
}

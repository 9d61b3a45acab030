package io.sluice.parser;

import java.io.StringReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.antlr.v4.runtime.Vocabulary;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * Sluice's keywords that are not SQL's, as JDBC's {@code DatabaseMetaData.getSQLKeywords()} lists
 * them: those of Calcite's query grammar (as Calcite reports them) and those of Sluice's statement
 * grammar ({@code STREAM}, {@code WATERMARK} …), both read from the grammars themselves.
 */
public final class Keywords {
    private Keywords() {
    }

    /** Comma-separated, sorted. */
    public static String notInSql() {
        SqlAbstractParserImpl.Metadata calcite = SluiceSqlConfig.parserConfig().parserFactory()
                .getParser(new StringReader("")).getMetadata();
        SortedSet<String> keywords = new TreeSet<>(Arrays.asList(calcite.getJdbcKeywords().split(",")));
        Vocabulary statements = SluiceStatementLexer.VOCABULARY;
        for (int type = 1; type <= statements.getMaxTokenType(); type++) {
            String literal = statements.getLiteralName(type);
            if (literal != null && literal.matches("'[A-Z_]+'")) {
                String word = literal.substring(1, literal.length() - 1).toUpperCase(Locale.ROOT);
                if (!calcite.isSql92ReservedWord(word) && !calcite.isKeyword(word)) {
                    keywords.add(word);
                }
            }
        }
        keywords.remove("");
        return String.join(",", keywords);
    }
}

package io.sluice.parser;

import static io.sluice.parser.SluiceStatementParser.*;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops the statement parser at its first syntax error and reports it as a {@link SqlParseError}
 * that names the token found and what could have come instead:
 * {@code syntax error at 'WTH': expected COMMENT, WITH or end of statement}.
 *
 * <p>ANTLR's own expected set only covers the rule the parser is in when it fails; optional
 * clauses it passed over at the same token (a {@code COMMENT} or {@code WITH} after a table's
 * columns) are collected here as the parser goes, so the message lists them too.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    /** Keywords that start a query; every other keyword may also be an identifier. */
    private static final Set<Integer> RESERVED = Set.of(SELECT, WITH, VALUES);
    private static final Set<Integer> DATA_TYPE_STARTS = Set.of(BOOLEAN, TINYINT, SMALLINT, INT, INTEGER,
            BIGINT, FLOAT, REAL, DOUBLE, DECIMAL, DEC, NUMERIC, CHAR, VARCHAR, STRING, BINARY, VARBINARY,
            BYTES, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL);

    private final StatementSource source;
    private int passedIndex = -1;
    private final IntervalSet passedExpected = new IntervalSet();

    SyntaxErrorStrategy(StatementSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void sync(Parser parser) throws RecognitionException {
        int index = parser.getInputStream().index();
        if (index != passedIndex) {
            passedIndex = index;
            passedExpected.clear();
        }
        ATN atn = parser.getATN();
        passedExpected.addAll(atn.nextTokens(atn.states.get(parser.getState())));
        super.sync(parser);
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        Token offending = e.getOffendingToken();
        IntervalSet expected;
        if (e instanceof NoViableAltException noViableAlt && noViableAlt.getStartToken() != offending) {
            // Prediction read past the decision's first token: what it could accept is what the
            // surviving alternatives could take next.
            expected = new IntervalSet();
            for (ATNConfig config : noViableAlt.getDeadEndConfigs()) {
                expected.addAll(parser.getATN().nextTokens(config.state));
            }
        } else {
            expected = new IntervalSet(e.getExpectedTokens() == null ? parser.getExpectedTokens() : e.getExpectedTokens());
        }
        throw error(parser, offending, expected);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }

    private SqlParseError error(Parser parser, Token offending, IntervalSet expected) {
        IntervalSet all = new IntervalSet(expected);
        if (offending.getTokenIndex() == passedIndex) {
            all.addAll(passedExpected);
        }
        List<String> described = describe(all, parser.getVocabulary());
        String detail = offending.getType() == Token.EOF
                ? "unexpected end of statement"
                : "syntax error at " + Alternatives.quote(offending.getText());
        if (!described.isEmpty()) {
            detail += ": expected " + Alternatives.describe(described);
        }
        if (offending.getType() == DOUBLE_QUOTED) {
            detail += " (strings take single quotes, identifiers backticks)";
        }
        return new SqlParseError(source.position(offending), detail);
    }

    /**
     * Keywords first, then symbols, then classes of tokens in words. Keywords that are only
     * expected as identifiers, and data type names when any type would do, are not listed one
     * by one.
     */
    private static List<String> describe(IntervalSet expected, Vocabulary vocabulary) {
        boolean identifier = expected.contains(IDENTIFIER);
        // Type names are identifiers too; they only stand for "a data type" where no identifier fits.
        boolean dataType = !identifier && DATA_TYPE_STARTS.stream().allMatch(expected::contains);
        boolean endOfStatement = expected.contains(Token.EOF);
        List<String> keywords = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (int type : expected.toArray()) {
            String literal = type > 0 ? vocabulary.getLiteralName(type) : null;
            if (literal == null
                    || (endOfStatement && type == SEMICOLON)
                    || (dataType && DATA_TYPE_STARTS.contains(type))) {
                continue;
            }
            String text = literal.substring(1, literal.length() - 1);
            if (!Character.isLetter(text.charAt(0))) {
                symbols.add(literal);
            } else if (!identifier || RESERVED.contains(type)) {
                keywords.add(text);
            }
        }
        List<String> described = new ArrayList<>(keywords);
        described.addAll(symbols);
        if (identifier) {
            described.add("an identifier");
        }
        if (dataType) {
            described.add("a data type");
        }
        if (expected.contains(STRING_LITERAL)) {
            described.add("a string literal");
        }
        if (expected.contains(INTEGER_LITERAL)) {
            described.add("an integer");
        }
        if (endOfStatement) {
            described.add("end of statement");
        }
        return described;
    }
}

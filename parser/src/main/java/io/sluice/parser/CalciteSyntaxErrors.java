package io.sluice.parser;

import io.sluice.parser.ast.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.Token;
import org.apache.calcite.sql.parser.impl.TokenMgrError;

/**
 * Turns Calcite's parse errors into short ones. Calcite lists every token it could have accepted
 * (often more than a hundred); this keeps a few, names token classes in words ("an identifier"),
 * and says "an expression" when an expression was what was missing.
 */
final class CalciteSyntaxErrors {
    private static final Pattern POSITION_IN_MESSAGE = Pattern.compile("\\s*at line \\d+, column \\d+\\.?");
    private static final Pattern LEXICAL_CHARACTER = Pattern.compile("Encountered: \"(.+?)\" \\(\\d+\\)");
    private static final String EOF_IMAGE = "<EOF>";
    private static final Set<String> IDENTIFIERS = Set.of("<IDENTIFIER>", "<QUOTED_IDENTIFIER>",
            "<BACK_QUOTED_IDENTIFIER>", "<BRACKET_QUOTED_IDENTIFIER>", "<BIG_QUERY_BACK_QUOTED_IDENTIFIER>",
            "<HYPHENATED_IDENTIFIER>", "<UNICODE_QUOTED_IDENTIFIER>");
    private static final Set<String> STRINGS = Set.of("<QUOTED_STRING>", "<UNICODE_STRING_LITERAL>",
            "<PREFIXED_STRING_LITERAL>", "<C_STYLE_ESCAPED_STRING_LITERAL>", "<BIG_QUERY_DOUBLE_QUOTED_STRING>",
            "<BIG_QUERY_QUOTED_STRING>", "<BINARY_STRING_LITERAL>");
    private static final Set<String> NUMBERS = Set.of("<UNSIGNED_INTEGER_LITERAL>", "<DECIMAL_NUMERIC_LITERAL>",
            "<APPROX_NUMERIC_LITERAL>");
    private static final String IDENTIFIER = "an identifier";
    private static final String STRING = "a string literal";
    private static final String NUMBER = "a number";
    private static final String END_OF_STATEMENT = "end of statement";
    private static final String END_OF_EXPRESSION = "end of expression";

    private CalciteSyntaxErrors() {
    }

    static SqlParseError translate(SqlParseException e, EmbeddedSql sql) {
        if (e.getCause() instanceof ParseException cause
                && cause.currentToken != null && cause.expectedTokenSequences != null) {
            return fromParseException(cause, e, sql);
        }
        SourcePosition position = position(e.getPos(), sql.start());
        if (e.getCause() instanceof TokenMgrError) {
            Matcher character = LEXICAL_CHARACTER.matcher(e.getMessage());
            String detail = character.find()
                    ? "unexpected character " + Alternatives.quote(character.group(1))
                    : "unexpected end of statement";
            return new SqlParseError(position, detail, e);
        }
        // Calcite's parser leaves the message out when what it caught had none (a stack overflow)
        String message = e.getMessage() == null ? "invalid SQL" : e.getMessage();
        String firstLine = message.lines().findFirst().orElse("invalid SQL");
        return new SqlParseError(position, POSITION_IN_MESSAGE.matcher(firstLine).replaceAll(""), e);
    }

    /**
     * Calcite's expected sequences run from the token after the last one it accepted; the longest
     * ones end where parsing really failed, so that token is reported, with what those sequences
     * expected there.
     */
    private static SqlParseError fromParseException(ParseException cause, SqlParseException e, EmbeddedSql sql) {
        int longest = 0;
        for (int[] sequence : cause.expectedTokenSequences) {
            longest = Math.max(longest, sequence.length);
        }
        Token previous = cause.currentToken;
        Token failed = cause.currentToken;
        for (int i = 0; i < longest && failed.next != null; i++) {
            previous = failed;
            failed = failed.next;
        }
        List<String> expected = new ArrayList<>();
        for (int[] sequence : cause.expectedTokenSequences) {
            if (sequence.length == longest) {
                String description = describe(cause.tokenImage[sequence[longest - 1]], sql);
                if (description != null) {
                    expected.add(description);
                }
            }
        }
        if (expected.contains(IDENTIFIER) && expected.contains(NUMBER) && expected.contains(STRING)
                && expected.contains("CASE")) {
            expected = List.of("an expression");
        }
        String detail;
        SourcePosition position;
        if (failed.kind != 0) {
            detail = "syntax error at " + Alternatives.quote(failed.image);
            position = new SourcePosition(failed.beginLine, failed.beginColumn);
        } else if (sql.following().isPresent()) {
            detail = "syntax error at " + Alternatives.quote(sql.following().get());
            position = sql.followingPosition();
        } else {
            detail = "unexpected end of statement";
            position = sql.end();
        }
        if (!expected.isEmpty()) {
            detail += ": expected " + Alternatives.describe(expected);
        }
        Optional<String> name = keywordWrittenAsName(failed, cause);
        if (name.isEmpty()) {
            name = keywordWrittenAsName(previous, cause);
        }
        if (name.isPresent()) {
            detail += " ('" + name.get() + "' is a keyword; write `" + name.get() + "` to use it as a name)";
        }
        return new SqlParseError(position, detail, e);
    }

    /**
     * A keyword written the way names are (not in upper case), such as Nexmark's {@code dateTime},
     * which Calcite reads as its {@code DATETIME} keyword: likely meant as a name.
     */
    private static Optional<String> keywordWrittenAsName(Token token, ParseException cause) {
        if (token == null || token.kind <= 0 || token.kind >= cause.tokenImage.length) {
            return Optional.empty();
        }
        String image = cause.tokenImage[token.kind];
        boolean keyword = image.equalsIgnoreCase("\"" + token.image + "\"")
                && token.image.chars().allMatch(c -> Character.isLetter(c) || c == '_');
        boolean upperCase = token.image.equals(token.image.toUpperCase(Locale.ROOT));
        return keyword && !upperCase ? Optional.of(token.image) : Optional.empty();
    }

    private static String describe(String image, EmbeddedSql sql) {
        if (image.equals(EOF_IMAGE)) {
            return sql.following().isPresent() ? END_OF_EXPRESSION : END_OF_STATEMENT;
        }
        if (IDENTIFIERS.contains(image)) {
            return IDENTIFIER;
        }
        if (STRINGS.contains(image)) {
            return STRING;
        }
        if (NUMBERS.contains(image)) {
            return NUMBER;
        }
        if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
            String text = image.substring(1, image.length() - 1);
            return text.chars().allMatch(c -> Character.isLetter(c) || c == '_') ? text : "'" + text + "'";
        }
        return null;
    }

    private static SourcePosition position(SqlParserPos pos, SourcePosition fallback) {
        if (pos != null && pos.getLineNum() > 0 && pos.getColumnNum() > 0) {
            return new SourcePosition(pos.getLineNum(), pos.getColumnNum());
        }
        return fallback;
    }
}

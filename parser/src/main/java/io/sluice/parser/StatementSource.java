package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.SourcePosition;
import java.util.Optional;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The text of one statement, its tokens, and where it starts in its script: turns the lexer's
 * positions (relative to the statement, columns from 0) into absolute script positions (from 1),
 * and gives back the raw text of a span of tokens.
 */
final class StatementSource {
    private final CharStream chars;
    private final CommonTokenStream tokens;
    private final SourcePosition start;

    StatementSource(String text, SourcePosition start) {
        this.start = requireNonNull(start, "start is null");
        CommonTokenStream written = lex(CharStreams.fromString(requireNonNull(text, "text is null")));
        String quoted = DoubleQuotedNames.asBackticks(text, written.getTokens());
        this.chars = CharStreams.fromString(quoted);
        this.tokens = quoted.equals(text) ? written : lex(chars);
    }

    private static CommonTokenStream lex(CharStream chars) {
        SluiceStatementLexer lexer = new SluiceStatementLexer(chars);
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens;
    }

    CommonTokenStream tokens() {
        return tokens;
    }

    SourcePosition position(Token token) {
        return absolute(token.getLine(), token.getCharPositionInLine());
    }

    SourcePosition position(ParserRuleContext context) {
        return position(context.getStart());
    }

    /** An absolute position from a lexer line (from 1) and column (from 0). */
    SourcePosition absolute(int line, int charPositionInLine) {
        if (line == 1) {
            return new SourcePosition(start.line(), start.column() + charPositionInLine);
        }
        return new SourcePosition(start.line() + line - 1, charPositionInLine + 1);
    }

    /** The text from the first token of the context to its last, exactly as written. */
    String text(ParserRuleContext context) {
        return chars.getText(Interval.of(context.getStart().getStartIndex(), context.getStop().getStopIndex()));
    }

    /** The context's text as Calcite will parse it, with what follows it in the statement. */
    EmbeddedSql embedded(ParserRuleContext context) {
        String text = text(context);
        SourcePosition begin = position(context);
        SourcePosition end = after(text, begin);
        Token next = tokens.get(context.getStop().getTokenIndex() + 1);
        while (next.getChannel() != Token.DEFAULT_CHANNEL) {
            next = tokens.get(next.getTokenIndex() + 1);
        }
        boolean endOfStatement = next.getType() == Token.EOF || next.getType() == SluiceStatementLexer.SEMICOLON;
        return new EmbeddedSql(text, begin, end,
                endOfStatement ? Optional.empty() : Optional.of(next.getText()),
                endOfStatement ? end : position(next));
    }

    /** The position just past {@code text} when it starts at {@code begin}. */
    private static SourcePosition after(String text, SourcePosition begin) {
        int line = begin.line();
        int column = begin.column();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }
}

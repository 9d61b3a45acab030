package io.sluice.parser;

import static io.sluice.parser.SluiceStatementLexer.BEGIN;
import static io.sluice.parser.SluiceStatementLexer.END;
import static io.sluice.parser.SluiceStatementLexer.EXECUTE;
import static io.sluice.parser.SluiceStatementLexer.SEMICOLON;
import static io.sluice.parser.SluiceStatementLexer.SET;
import static io.sluice.parser.SluiceStatementLexer.STATEMENT;
import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Cuts a script into statements at top-level semicolons. The statement lexer does the reading, so a
 * {@code ;} inside a string ({@code 'a;b'}), a quoted identifier, a {@code --} line comment or a
 * block comment does not split. A statement set, {@code EXECUTE STATEMENT SET BEGIN ...; ...; END} or
 * Flink SQL client's {@code BEGIN STATEMENT SET; ...; END}, is one statement: inside it, a
 * semicolon separates INSERTs, and the set ends at an {@code END} that starts a member.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /**
     * The statements of a script in order, each without its {@code ;}, with the line and column
     * where it starts. Statements holding only whitespace and comments are dropped; a last
     * statement without {@code ;} is kept.
     *
     * @throws SqlParseError if a block comment is never closed (it would silently swallow the
     *     rest of the script)
     */
    public static List<StatementText> split(String script) {
        Scan scan = scan(script);
        scan.unclosedComment.ifPresent(comment -> {
            throw new SqlParseError(position(comment), UnterminatedTokens.problem(comment).orElseThrow());
        });
        List<StatementText> statements = new ArrayList<>();
        for (Span span : scan.spans) {
            Token first = span.first;
            String text = scan.chars.getText(Interval.of(first.getStartIndex(), span.last.getStopIndex()));
            statements.add(new StatementText(text, first.getLine(), first.getCharPositionInLine() + 1));
        }
        return List.copyOf(statements);
    }

    /**
     * For an interactive shell: whether the buffer holds at least one statement and ends, after
     * whitespace and comments, with the {@code ;} that closes its last statement. An open string,
     * quoted identifier, comment or statement set means more input is needed.
     */
    public static boolean isComplete(String buffer) {
        Scan scan = scan(buffer);
        return scan.unclosedComment.isEmpty()
                && !scan.spans.isEmpty()
                && scan.spans.get(scan.spans.size() - 1).terminated;
    }

    private static Scan scan(String script) {
        CharStream chars = CharStreams.fromString(requireNonNull(script, "script is null"));
        SluiceStatementLexer lexer = new SluiceStatementLexer(chars);
        lexer.removeErrorListeners();
        List<Token> visible = new ArrayList<>();
        Optional<Token> unclosedComment = Optional.empty();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                visible.add(token);
            } else if (UnterminatedTokens.isUnterminated(token)) {
                unclosedComment = Optional.of(token);
            }
        }
        return new Scan(chars, spans(visible), unclosedComment);
    }

    private static List<Span> spans(List<Token> tokens) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).getType() == SEMICOLON) {
                i++;
                continue;
            }
            int end = statementEnd(tokens, i);
            boolean terminated = end < tokens.size();
            spans.add(new Span(tokens.get(i), tokens.get(end - 1), terminated));
            i = end + 1;
        }
        return spans;
    }

    /** The index of the {@code ;} that ends the statement starting at {@code start}, or the size. */
    private static int statementEnd(List<Token> tokens, int start) {
        int i = statementSetBodyStart(tokens, start);
        if (i >= 0) {
            boolean memberStart = true;
            while (i < tokens.size()) {
                int type = tokens.get(i++).getType();
                if (memberStart && type == END) {
                    break;
                }
                memberStart = type == SEMICOLON;
            }
        } else {
            i = start;
        }
        while (i < tokens.size() && tokens.get(i).getType() != SEMICOLON) {
            i++;
        }
        return i;
    }

    /** Where the members of a statement set starting at {@code start} begin, or -1 if it is not one. */
    private static int statementSetBodyStart(List<Token> tokens, int start) {
        if (matches(tokens, start, EXECUTE, STATEMENT, SET, BEGIN)) {
            return start + 4;
        }
        if (matches(tokens, start, BEGIN, STATEMENT, SET)) {
            return start + 3;
        }
        return -1;
    }

    private static boolean matches(List<Token> tokens, int start, int... types) {
        if (start + types.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (tokens.get(start + i).getType() != types[i]) {
                return false;
            }
        }
        return true;
    }

    private static SourcePosition position(Token token) {
        return new SourcePosition(token.getLine(), token.getCharPositionInLine() + 1);
    }

    private record Span(Token first, Token last, boolean terminated) {
    }

    private record Scan(CharStream chars, List<Span> spans, Optional<Token> unclosedComment) {
    }
}

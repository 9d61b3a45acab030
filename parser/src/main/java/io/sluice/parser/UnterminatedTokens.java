package io.sluice.parser;

import static io.sluice.parser.SluiceStatementLexer.UNTERMINATED_BACKQUOTED_IDENTIFIER;
import static io.sluice.parser.SluiceStatementLexer.UNTERMINATED_BLOCK_COMMENT;
import static io.sluice.parser.SluiceStatementLexer.UNTERMINATED_DOUBLE_QUOTED;
import static io.sluice.parser.SluiceStatementLexer.UNTERMINATED_STRING_LITERAL;

import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * The lexer's tokens for a string, quoted identifier or comment that is never closed. Such a token
 * runs to the end of the input, so it is reported where it opens.
 */
final class UnterminatedTokens {
    private UnterminatedTokens() {
    }

    static boolean isUnterminated(Token token) {
        return problem(token).isPresent();
    }

    /** What is wrong with the token, if it is an unterminated one. */
    static Optional<String> problem(Token token) {
        return Optional.ofNullable(switch (token.getType()) {
            case UNTERMINATED_STRING_LITERAL -> "unterminated string literal: missing closing '";
            case UNTERMINATED_BACKQUOTED_IDENTIFIER -> "unterminated quoted identifier: missing closing `";
            case UNTERMINATED_DOUBLE_QUOTED -> "unterminated double-quoted text: missing closing \"";
            case UNTERMINATED_BLOCK_COMMENT -> "unterminated comment: missing */";
            default -> null;
        });
    }
}

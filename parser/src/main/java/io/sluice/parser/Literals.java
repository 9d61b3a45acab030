package io.sluice.parser;

import io.sluice.parser.SluiceStatementParser.IdentifierContext;
import org.antlr.v4.runtime.Token;

/** The values of string literals and identifiers as written in a statement. */
final class Literals {
    private Literals() {
    }

    /** {@code 'it''s'} is {@code it's}. */
    static String string(Token literal) {
        String text = literal.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** An unquoted identifier as written; a backquoted one without its quotes ({@code `a``b`} is {@code a`b}). */
    static String identifier(IdentifierContext identifier, StatementSource source) {
        String text = identifier.getText();
        if (identifier.BACKQUOTED_IDENTIFIER() == null) {
            return text;
        }
        String name = text.substring(1, text.length() - 1).replace("``", "`");
        if (name.isEmpty()) {
            throw new SqlParseError(source.position(identifier), "an identifier cannot be empty");
        }
        return name;
    }
}

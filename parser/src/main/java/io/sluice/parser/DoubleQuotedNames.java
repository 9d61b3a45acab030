package io.sluice.parser;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Names in double quotes, as many tools write them ({@code SELECT "dateTime" FROM "bids"}), read as
 * names in backticks, Sluice's (and Flink's) quotes. Sluice has no other use for double quotes
 * (strings take single quotes), so nothing else changes meaning. {@code "name"} becomes
 * {@code `name`}, of the same length, so every position in the statement stays where it was. A
 * double-quoted name holding a backtick or a doubled {@code ""} is left as written, and is a
 * syntax error that says to use backticks.
 */
final class DoubleQuotedNames {
    private DoubleQuotedNames() {
    }

    /** The text with each double-quoted name of its tokens quoted with backticks instead. */
    static String asBackticks(String text, List<Token> tokens) {
        char[] chars = null;
        for (Token token : tokens) {
            if (token.getType() == SluiceStatementLexer.DOUBLE_QUOTED) {
                String name = token.getText().substring(1, token.getText().length() - 1);
                if (!name.contains("`") && !name.contains("\"")) {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[token.getStartIndex()] = '`';
                    chars[token.getStopIndex()] = '`';
                }
            }
        }
        return chars == null ? text : new String(chars);
    }
}

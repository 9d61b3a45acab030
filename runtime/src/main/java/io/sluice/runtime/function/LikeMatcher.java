package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.regex.Pattern;

/**
 * A compiled SQL {@code LIKE} pattern ({@code %} any run of characters, {@code _} one character,
 * an optional escape character that may precede only {@code %}, {@code _} or itself). Patterns
 * that are a plain prefix, suffix, substring or exact string are matched without a regular
 * expression.
 */
public final class LikeMatcher {
    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

    private final Shape shape;
    private final String literal;
    private final Pattern regex;

    private LikeMatcher(Shape shape, String literal, Pattern regex) {
        this.shape = shape;
        this.literal = literal;
        this.regex = regex;
    }

    public static LikeMatcher compile(String pattern, String escape) {
        Character escapeChar = null;
        if (escape != null) {
            if (escape.length() != 1) {
                throw new SluiceException(ErrorCode.DATA_ERROR, "the LIKE escape must be one character: '" + escape + "'");
            }
            escapeChar = escape.charAt(0);
        }
        StringBuilder literal = new StringBuilder();
        StringBuilder regex = new StringBuilder();
        boolean wildcardsOnlyAtEnds = true;
        boolean leadingPercent = false;
        boolean trailingPercent = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escapeChar != null && c == escapeChar) {
                if (i + 1 >= pattern.length()) {
                    throw new SluiceException(ErrorCode.DATA_ERROR, "the LIKE pattern '" + pattern + "' ends with its escape");
                }
                char next = pattern.charAt(++i);
                if (next != '%' && next != '_' && next != escapeChar) {
                    throw new SluiceException(ErrorCode.DATA_ERROR, "in the LIKE pattern '" + pattern
                            + "' the escape '" + escapeChar + "' is followed by '" + next
                            + "': it may only escape '%', '_' or itself");
                }
                literal.append(next);
                regex.append(Pattern.quote(String.valueOf(next)));
            } else if (c == '%') {
                regex.append("(?s:.*)");
                if (i == 0) {
                    leadingPercent = true;
                } else if (i == pattern.length() - 1) {
                    trailingPercent = true;
                } else {
                    wildcardsOnlyAtEnds = false;
                }
            } else if (c == '_') {
                regex.append("(?s:.)");
                wildcardsOnlyAtEnds = false;
            } else {
                literal.append(c);
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (wildcardsOnlyAtEnds) {
            Shape shape = leadingPercent && trailingPercent ? Shape.CONTAINS
                    : leadingPercent ? Shape.SUFFIX
                    : trailingPercent ? Shape.PREFIX
                    : Shape.EXACT;
            return new LikeMatcher(shape, literal.toString(), null);
        }
        return new LikeMatcher(Shape.REGEX, null, Pattern.compile(regex.toString()));
    }

    public boolean matches(String s) {
        return switch (shape) {
            case EXACT -> s.equals(literal);
            case PREFIX -> s.startsWith(literal);
            case SUFFIX -> s.endsWith(literal);
            case CONTAINS -> s.contains(literal);
            case REGEX -> regex.matcher(s).matches();
        };
    }

    /** LIKE with a pattern that is not a constant: compiled for each row. */
    public static boolean like(String s, String pattern, String escape) {
        return compile(pattern, escape).matches(s);
    }
}

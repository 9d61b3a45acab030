package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled SQL {@code LIKE} pattern ({@code %} any run of characters, {@code _} one character,
 * an optional escape character that may precede only {@code %}, {@code _} or itself). Patterns
 * that are a plain prefix, suffix, substring or exact string are matched with {@link String}'s
 * own methods. Any other pattern is cut at its {@code %} into segments, each matched at the
 * leftmost place it fits: no backtracking, so a match takes at most the subject's length times
 * the pattern's (a regular expression takes exponential time on patterns like
 * {@code %a%a%a%b}).
 */
public final class LikeMatcher {
    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, SEGMENTS }

    /** In a segment, a {@code _}: any one character (a code point, which may be two UTF-16 units). */
    private static final int ANY = -1;

    private final Shape shape;
    private final String literal;
    /** The segments between the {@code %} of a {@link Shape#SEGMENTS} pattern, as UTF-16 units or {@link #ANY}. */
    private final int[][] segments;

    private LikeMatcher(Shape shape, String literal, int[][] segments) {
        this.shape = shape;
        this.literal = literal;
        this.segments = segments;
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
        List<int[]> segments = new ArrayList<>();
        List<Integer> segment = new ArrayList<>();
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
                segment.add((int) next);
            } else if (c == '%') {
                segments.add(units(segment));
                segment.clear();
                if (i == 0) {
                    leadingPercent = true;
                } else if (i == pattern.length() - 1) {
                    trailingPercent = true;
                } else {
                    wildcardsOnlyAtEnds = false;
                }
            } else if (c == '_') {
                segment.add(ANY);
                wildcardsOnlyAtEnds = false;
            } else {
                literal.append(c);
                segment.add((int) c);
            }
        }
        segments.add(units(segment));
        if (wildcardsOnlyAtEnds) {
            Shape shape = leadingPercent && trailingPercent ? Shape.CONTAINS
                    : leadingPercent ? Shape.SUFFIX
                    : trailingPercent ? Shape.PREFIX
                    : Shape.EXACT;
            return new LikeMatcher(shape, literal.toString(), null);
        }
        return new LikeMatcher(Shape.SEGMENTS, null, segments.toArray(new int[0][]));
    }

    private static int[] units(List<Integer> segment) {
        return segment.stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean matches(String s) {
        return switch (shape) {
            case EXACT -> s.equals(literal);
            case PREFIX -> s.startsWith(literal);
            case SUFFIX -> s.endsWith(literal);
            case CONTAINS -> s.contains(literal);
            case SEGMENTS -> matchesSegments(s);
        };
    }

    /**
     * The first segment is anchored at the start, the last at the end (with no {@code %}, the one
     * segment is both); each one between is found at its leftmost place after the previous. Each
     * segment's match from a given start has one end, so the leftmost place is never worse.
     */
    private boolean matchesSegments(String s) {
        int length = s.length();
        int[] first = segments[0];
        if (segments.length == 1) {
            return matchForward(s, 0, length, first) == length;
        }
        int position = matchForward(s, 0, length, first);
        if (position < 0) {
            return false;
        }
        int limit = matchBackward(s, length, position, segments[segments.length - 1]);
        if (limit < 0) {
            return false;
        }
        for (int i = 1; i < segments.length - 1; i++) {
            if (segments[i].length > 0) {
                position = find(s, position, limit, segments[i]);
                if (position < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where the leftmost match of a segment in {@code s[from, limit)} ends, or -1. */
    private static int find(String s, int from, int limit, int[] segment) {
        for (int start = from; start + segment.length <= limit; start++) {
            if (start > 0 && Character.isLowSurrogate(s.charAt(start)) && Character.isHighSurrogate(s.charAt(start - 1))) {
                continue;
            }
            int end = matchForward(s, start, limit, segment);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** Where a segment matched from {@code start} ends, if it fits before {@code limit}; else -1. */
    private static int matchForward(String s, int start, int limit, int[] segment) {
        int i = start;
        for (int unit : segment) {
            if (i >= limit) {
                return -1;
            }
            if (unit == ANY) {
                i += Character.isHighSurrogate(s.charAt(i)) && i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1))
                        ? 2 : 1;
            } else if (s.charAt(i++) != unit) {
                return -1;
            }
        }
        return i;
    }

    /** Where a segment matched so as to end at {@code end} starts, if it starts at or after {@code floor}; else -1. */
    private static int matchBackward(String s, int end, int floor, int[] segment) {
        int i = end;
        for (int k = segment.length - 1; k >= 0; k--) {
            if (i <= floor) {
                return -1;
            }
            if (segment[k] == ANY) {
                i -= Character.isLowSurrogate(s.charAt(i - 1)) && i - 2 >= floor && Character.isHighSurrogate(s.charAt(i - 2))
                        ? 2 : 1;
            } else if (s.charAt(--i) != segment[k]) {
                return -1;
            }
        }
        return i;
    }

    /** LIKE with a pattern that is not a constant: compiled for each row. */
    public static boolean like(String s, String pattern, String escape) {
        return compile(pattern, escape).matches(s);
    }
}

package io.sluice.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Renders what a parser expected as a short list: "A, B or C", at most six, then "...". */
final class Alternatives {
    static final int MAX_SHOWN = 6;

    private Alternatives() {
    }

    /** The alternatives in the given order, duplicates removed. */
    static String describe(List<String> alternatives) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(alternatives));
        if (distinct.size() > MAX_SHOWN) {
            return String.join(", ", distinct.subList(0, MAX_SHOWN)) + ", ...";
        }
        if (distinct.size() <= 1) {
            return String.join("", distinct);
        }
        return String.join(", ", distinct.subList(0, distinct.size() - 1)) + " or " + distinct.get(distinct.size() - 1);
    }

    /** The offending text as a message shows it: quoted, and cut short when long. */
    static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine) + "'";
    }
}

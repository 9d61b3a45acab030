package io.sluice.runtime.function;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code REGEXP}, {@code REGEXP_EXTRACT} and {@code REGEXP_REPLACE} with RE2's syntax (RE/2J):
 * matching takes time linear in the text whatever the pattern, so a user's pattern cannot hold
 * a task; RE2 has no backreferences or lookaround. A pattern that does not compile makes the
 * call NULL, as in Flink (the caller passes no null pattern here). A literal pattern is compiled once, when the kernel is made
 * ({@link #compile}); a pattern computed per row goes through a small cache.
 */
public final class RegexFunctions {
    private static final int CACHE_SIZE = 256;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    /** Stands for a pattern that does not compile, in the cache (which takes no nulls). */
    private static final Pattern INVALID = Pattern.compile("");

    private RegexFunctions() {
    }

    /** The compiled pattern, or null when it is not a valid RE2 pattern. */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** The compiled pattern from the cache, or null when it is not valid. */
    public static Pattern cached(String regex) {
        Pattern pattern = CACHE.get(regex);
        if (pattern == null) {
            Pattern compiled = compile(regex);
            pattern = compiled == null ? INVALID : compiled;
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear();
            }
            CACHE.put(regex, pattern);
        }
        return pattern == INVALID ? null : pattern;
    }

    /** REGEXP(s, pattern): whether some (possibly empty) part of {@code s} matches. */
    public static boolean matches(String s, Pattern pattern) {
        return pattern.matcher(s).find();
    }

    /**
     * REGEXP_EXTRACT(s, pattern, group): the group of the first match (0 is the whole match);
     * null when nothing matches, when the group took no part in the match, or when there is no
     * such group.
     */
    public static String extract(String s, Pattern pattern, long group) {
        if (group < 0 || group > pattern.groupCount()) {
            return null;
        }
        Matcher matcher = pattern.matcher(s);
        return matcher.find() ? matcher.group((int) group) : null;
    }

    /** REGEXP_REPLACE(s, pattern, replacement): every match replaced by the replacement, taken literally as Flink does. */
    public static String replace(String s, Pattern pattern, String replacement) {
        return pattern.matcher(s).replaceAll(Matcher.quoteReplacement(replacement));
    }
}

package io.sluice.engine.fuzz;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks statements the way people and programs do: tokens dropped, doubled, swapped or
 * replaced, the text cut short, random characters and bytes (control characters, NUL, lone
 * surrogates, non-ASCII) put in, numbers and strings made huge, and expressions nested deeper
 * (within {@link StatementGenerator#MAX_NESTING}).
 */
final class StatementMutator {
    /** A quoted string or identifier, a word or number, blanks, or any one other character. */
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']++|'')*+'|`[^`]*+`|\"[^\"]*+\"|[\\w.]++|\\s++|.",
            Pattern.DOTALL);
    private static final String[] KEYWORDS = {"SELECT", "STREAM", "FROM", "WHERE", "GROUP", "BY", "JOIN", "ON", "(",
        ")", ",", ";", "TABLE", "CAST", "AS", "NULL", "CREATE", "WITH", "INSERT", "INTO", "VALUES", "*", "'", "`", "\"",
        "--", "/*", "OVER", "PARTITION", "DESCRIPTOR", "INTERVAL", "CASE", "END", "LATERAL", "UNNEST", "MATCH_RECOGNIZE"};

    private final Random random;

    StatementMutator(Random random) {
        this.random = requireNonNull(random, "random is null");
    }

    /** The statement with one to three mutations applied. */
    String mutate(String statement) {
        List<String> tokens = tokenize(statement);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(10)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> {
                    int other = random.nextInt(tokens.size());
                    String token = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, token);
                }
                case 3 -> tokens.subList(at, tokens.size()).clear();
                case 4 -> tokens.add(at, randomText());
                case 5 -> tokens.set(at, " " + KEYWORDS[random.nextInt(KEYWORDS.length)] + " ");
                case 6 -> tokens.set(at, huge(tokens.get(at)));
                case 7 -> {
                    int levels = 1 + random.nextInt(StatementGenerator.MAX_NESTING);
                    tokens.set(at, "(".repeat(levels) + tokens.get(at) + ")".repeat(levels));
                }
                case 8 -> tokens.set(at, tokens.get(at).toLowerCase());
                default -> {
                    String token = tokens.get(at);
                    if (token.length() > 1) {
                        tokens.set(at, token.substring(0, random.nextInt(token.length())));
                    }
                }
            }
        }
        return String.join("", tokens);
    }

    private static List<String> tokenize(String statement) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(statement);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** A number made of hundreds of digits, or a string of a hundred thousand characters. */
    private String huge(String token) {
        if (!token.isEmpty() && Character.isDigit(token.charAt(0))) {
            return "9".repeat(100 + random.nextInt(1000)) + (random.nextBoolean() ? ".5" : "");
        }
        if (token.startsWith("'")) {
            return "'" + "y".repeat(100_000) + "'";
        }
        return token.repeat(2 + random.nextInt(50));
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(32);
                case 1 -> (char) (0xD800 + random.nextInt(0x800));
                case 2 -> (char) (0x80 + random.nextInt(0x780));
                case 3 -> '\uFEFF';
                default -> (char) (32 + random.nextInt(95));
            });
        }
        return text.toString();
    }
}

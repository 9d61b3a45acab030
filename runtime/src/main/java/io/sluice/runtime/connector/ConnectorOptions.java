package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code WITH (...)} options of a table, as its connector and format read them. Every read
 * marks the key as known; {@link #checkAllUsed()} then names any option nobody asked for, so a
 * typo never passes silently. Errors name the option and the connector.
 */
public final class ConnectorOptions {
    private static final Pattern DURATION = Pattern.compile(
            "\\s*(\\d+)\\s*(ms|milli|millis|millisecond|milliseconds|s|sec|secs|second|seconds"
                    + "|min|mins|minute|minutes|h|hour|hours|d|day|days)?\\s*");

    private final String connector;
    private final Map<String, String> options;
    private final Set<String> used = new TreeSet<>();

    public ConnectorOptions(String connector, Map<String, String> options) {
        this.connector = requireNonNull(connector, "connector is null");
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
    }

    public String connector() {
        return connector;
    }

    public Map<String, String> asMap() {
        return options;
    }

    public boolean contains(String key) {
        used.add(key);
        return options.containsKey(key);
    }

    public Optional<String> optional(String key) {
        used.add(key);
        return Optional.ofNullable(options.get(key));
    }

    public String get(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new SluiceException(ErrorCode.INVALID_OPTION,
                "connector '" + connector + "' requires the option '" + key + "'"));
    }

    public int getInt(String key, int defaultValue) {
        return optional(key).map(value -> parse(key, value, "an integer", Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return optional(key).map(value -> parse(key, value, "an integer", Long::parseLong)).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return optional(key).map(value -> parse(key, value, "a number", Double::parseDouble)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return optional(key).map(value -> {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
            throw invalid(key, "'" + value + "' is not true or false");
        }).orElse(defaultValue);
    }

    /** A single character, allowing Java escapes such as {@code \t} as Flink does. */
    public char getChar(String key, char defaultValue) {
        return optional(key).map(value -> {
            String v = value.equals("\\t") ? "\t" : value;
            if (v.length() != 1) {
                throw invalid(key, "'" + value + "' is not a single character");
            }
            return v.charAt(0);
        }).orElse(defaultValue);
    }

    /** A duration in Flink's form: {@code 500 ms}, {@code 5s}, {@code 1 min}; a bare number is milliseconds. */
    public Duration getDuration(String key, Duration defaultValue) {
        return optional(key).map(value -> {
            Matcher m = DURATION.matcher(value.toLowerCase(java.util.Locale.ROOT));
            if (!m.matches()) {
                throw invalid(key, "'" + value + "' is not a duration such as '500 ms', '5 s' or '1 min'");
            }
            String unit = m.group(2) == null ? "ms" : m.group(2);
            try {
                long amount = Long.parseLong(m.group(1));
                Duration duration = switch (unit.charAt(0)) {
                    case 'm' -> unit.startsWith("mi") && !unit.startsWith("mill") ? Duration.ofMinutes(amount) : Duration.ofMillis(amount);
                    case 's' -> Duration.ofSeconds(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw invalid(key, "'" + value + "' has an unknown unit");
                };
                // Connectors work in milliseconds: one too long for a long of them fails here, not in them.
                return Duration.ofMillis(duration.toMillis());
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(key, "'" + value + "' is too long a duration");
            }
        }).orElse(defaultValue);
    }

    /** The options under a prefix, with the prefix removed, e.g. {@code properties.*} for a Kafka client. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                used.add(key);
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** One of the allowed values, compared without case. */
    public String getEnum(String key, String defaultValue, String... allowed) {
        String value = get(key, defaultValue);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw invalid(key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    /** Fails naming the first option that no connector, format or engine setting asked for. */
    public void checkAllUsed() {
        for (String key : options.keySet()) {
            if (!used.contains(key)) {
                Set<String> known = new TreeSet<>(used);
                known.remove("connector");
                throw new SluiceException(ErrorCode.INVALID_OPTION, "unknown option '" + key + "' for connector '"
                        + connector + "'; known options: " + String.join(", ", known));
            }
        }
    }

    public SluiceException invalid(String key, String problem) {
        return new SluiceException(ErrorCode.INVALID_OPTION,
                "option '" + key + "' of connector '" + connector + "': " + problem);
    }

    private <T> T parse(String key, String value, String what, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + value + "' is not " + what);
        }
    }
}

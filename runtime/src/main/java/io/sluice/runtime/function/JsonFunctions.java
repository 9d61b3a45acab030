package io.sluice.runtime.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL/JSON functions as Flink has them ({@code IS JSON, JSON_EXISTS, JSON_VALUE,
 * JSON_QUERY}, and the constructors {@code JSON_STRING, JSON_OBJECT, JSON_ARRAY}): text parsed by Jackson, paths evaluated by Jayway JsonPath (Flink's engine, through
 * Calcite), in {@code lax} mode (a missing member is empty) or {@code strict} mode (it is an error;
 * a path without a mode is strict, as in Calcite and Flink). A path with a filter
 * ({@code ?(...)}), whose regular expressions could run long, is refused.
 */
public final class JsonFunctions {
    /**
     * JSON_VALUE's and JSON_QUERY's answers that stand for "take the ON EMPTY / ON ERROR
     * behaviour", told apart by identity in this class only ({@link #isEmpty}, {@link #isError}):
     * a generated class may fold a reference to them into a constant of its own.
     */
    private static final String EMPTY = new String("<empty>");
    private static final String ERROR = new String("<error>");
    /** JSON_QUERY's ON EMPTY / ON ERROR behaviours. */
    public static final int NULL_ON = 0;
    public static final int ERROR_ON = 1;
    public static final int EMPTY_ARRAY_ON = 2;
    public static final int EMPTY_OBJECT_ON = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern MODE = Pattern.compile("^\\s*(?<mode>strict|lax)\\s+(?<path>.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Configuration LAX = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER)).mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS).build();
    private static final Configuration STRICT = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER)).mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private JsonFunctions() {
    }

    /** A compiled path with its mode. */
    public record Path(JsonPath path, boolean lax) {
    }

    /** The compiled path, or an error (22000) for a path that is not valid or has a filter. */
    public static Path path(String spec) {
        Matcher matcher = MODE.matcher(spec);
        boolean lax = matcher.matches() && matcher.group("mode").toLowerCase(Locale.ROOT).equals("lax");
        String text = matcher.matches() ? matcher.group("path") : spec;
        if (text.contains("?(")) {
            throw new SluiceException(ErrorCode.DATA_ERROR, "the JSON path '" + spec + "' has a filter, which Sluice does not take");
        }
        try {
            return new Path(JsonPath.compile(text.trim()), lax);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.DATA_ERROR, "the JSON path '" + spec + "' is not valid: " + e.getMessage());
        }
    }

    /** {@code s IS JSON [VALUE | OBJECT | ARRAY | SCALAR]}: kind 0, 1, 2 or 3. */
    public static boolean isJson(String s, int kind) {
        JsonNode node = parse(s);
        if (node == null) {
            return false;
        }
        return switch (kind) {
            case 1 -> node.isObject();
            case 2 -> node.isArray();
            case 3 -> node.isValueNode();
            default -> true;
        };
    }

    /** JSON_EXISTS: whether the path finds something; {@code onError} answers a parse or strict-path failure (null: NULL). */
    public static Boolean exists(String json, Path path, Boolean onError) {
        JsonNode node = parse(json);
        if (node == null) {
            return onError;
        }
        try {
            Object found = JsonPath.using(path.lax() ? LAX : STRICT).parse(node).read(path.path());
            return found != null && !node(found).isMissingNode();
        } catch (JsonPathException e) {
            return onError;
        }
    }

    /**
     * JSON_VALUE: the scalar the path finds, as text (a string's characters, a number or a boolean
     * as JSON writes it); EMPTY when it finds nothing or JSON null, ERROR for text
     * that is not JSON, a strict path that fails, or an object or array.
     */
    public static String value(String json, Path path) {
        Object found = read(json, path);
        if (!(found instanceof JsonNode node)) {
            return (String) found;
        }
        if (!node.isValueNode()) {
            return ERROR;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /**
     * JSON_QUERY: the object or array the path finds, as JSON text; with {@code wrap} (WITH ARRAY
     * WRAPPER) whatever it finds in an array. EMPTY or ERROR as JSON_VALUE's.
     */
    public static String query(String json, Path path, boolean wrap) {
        Object found = read(json, path);
        if (!(found instanceof JsonNode node)) {
            return (String) found;
        }
        if (wrap) {
            return MAPPER.createArrayNode().add(node).toString();
        }
        return node.isContainerNode() ? node.toString() : ERROR;
    }

    public static boolean isEmpty(String answer) {
        return answer == EMPTY;
    }

    public static boolean isError(String answer) {
        return answer == ERROR;
    }

    /** JSON_QUERY's answer with its behaviours applied: the text, NULL, '[]', '{}', or an error. */
    public static String orBehaviour(String answer, int onEmpty, int onError, String json) {
        if (answer != EMPTY && answer != ERROR) {
            return answer;
        }
        return switch (answer == EMPTY ? onEmpty : onError) {
            case ERROR_ON -> throw failure("JSON_QUERY", json);
            case EMPTY_ARRAY_ON -> "[]";
            case EMPTY_OBJECT_ON -> "{}";
            default -> null;
        };
    }

    /** JSON_STRING: the value as JSON text (a text quoted, a number or a boolean as JSON writes it); NULL for NULL. */
    public static String string(Object value) {
        return value == null ? null : toNode(value).toString();
    }

    /**
     * JSON_OBJECT over alternating keys and values (a value of a nested JSON_OBJECT or JSON_ARRAY
     * comes as its {@link #nested} node); with {@code absentOnNull} a NULL value leaves its key out,
     * otherwise it is JSON null. A NULL key is an error (22000).
     */
    public static String object(boolean absentOnNull, Object... keysAndValues) {
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i] == null) {
                throw new SluiceException(ErrorCode.DATA_ERROR, "a key of JSON_OBJECT is NULL");
            }
            Object value = keysAndValues[i + 1];
            if (value != null || !absentOnNull) {
                object.set((String) keysAndValues[i], toNode(value));
            }
        }
        return object.toString();
    }

    /** JSON_ARRAY of the values, as JSON_OBJECT's; with {@code absentOnNull} NULL values are left out. */
    public static String array(boolean absentOnNull, Object... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Object value : values) {
            if (value != null || !absentOnNull) {
                array.add(toNode(value));
            }
        }
        return array.toString();
    }

    /**
     * The JSON of a nested JSON_OBJECT or JSON_ARRAY, or of text marked FORMAT JSON, to be kept as
     * JSON rather than quoted as text; text that is not JSON is an error (22000).
     */
    public static JsonNode nested(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = parse(json);
        if (node == null) {
            throw new SluiceException(ErrorCode.DATA_ERROR, "text marked FORMAT JSON is not JSON: " + shown(json));
        }
        return node;
    }

    /**
     * The node of a SQL value, made by Jackson's node factory as Flink's are: a DECIMAL keeps all
     * its digits and its scale (a DECIMAL(3, 2) 2.5 is 2.50), never going through a double.
     */
    private static JsonNode toNode(Object value) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof JsonNode node) {
            return node;
        } else if (value instanceof String text) {
            return nodes.textNode(text);
        } else if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        } else if (value instanceof Float number) {
            return nodes.numberNode(number);
        } else if (value instanceof Double number) {
            return nodes.numberNode(number);
        } else if (value instanceof BigDecimal number) {
            return nodes.numberNode(number);
        }
        throw new IllegalArgumentException("no JSON for " + value.getClass());
    }

    /** The value an ERROR behaviour raises (22000). */
    public static SluiceException failure(String function, String json) {
        return new SluiceException(ErrorCode.DATA_ERROR, function + " found no value it may return in " + shown(json));
    }

    /** The start of a JSON text, for a message. */
    private static String shown(String json) {
        return json.length() > 100 ? json.substring(0, 100) + "…" : json;
    }

    /** The node the path finds, or EMPTY (nothing, or JSON null) or ERROR (not JSON, a strict path that fails). */
    private static Object read(String json, Path path) {
        JsonNode document = parse(json);
        if (document == null) {
            return ERROR;
        }
        try {
            Object found = JsonPath.using(path.lax() ? LAX : STRICT).parse(document).read(path.path());
            JsonNode node = found == null ? null : node(found);
            return node == null || node.isNull() || node.isMissingNode() ? EMPTY : node;
        } catch (JsonPathException e) {
            return path.lax() ? EMPTY : ERROR;
        }
    }

    /** What a path read, as a node: Jayway hands scalars over as Java values. */
    private static JsonNode node(Object found) {
        return found instanceof JsonNode node ? node : MAPPER.valueToTree(found);
    }

    /** The JSON text's value, or null when the text is not one JSON value. */
    private static JsonNode parse(String s) {
        try {
            JsonNode node = MAPPER.readTree(s);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package io.sluice.planner.codegen;

import java.util.Map;

/** The generators of Flink's built-in functions beyond the standard ones, by function name. */
final class FlinkFunctionGenerators {
    private FlinkFunctionGenerators() {
    }

    static void register(Map<String, CallGenerator> byName, CallGenerator math, CallGenerator datetime) {
        CallGenerator text = new TextFunctionGenerator();
        for (String name : TextFunctionGenerator.NAMES) {
            byName.put(name, text);
        }
        CallGenerator regex = new RegexFunctionGenerator();
        for (String name : new String[] {"REGEXP", "REGEXP_EXTRACT", "REGEXP_REPLACE"}) {
            byName.put(name, regex);
        }
        for (String name : new String[] {"TRUNCATE", "CBRT", "LOG", "LOG2", "SIN", "COS", "TAN", "COT", "ASIN", "ACOS",
                "ATAN", "ATAN2", "SINH", "COSH", "TANH", "DEGREES", "RADIANS", "PI", "E"}) {
            byName.put(name, math);
        }
        CallGenerator random = new RandomFunctionGenerator();
        byName.put("RAND", random);
        byName.put("RAND_INTEGER", random);
        CallGenerator formats = new DateTimeFormatGenerator();
        for (String name : new String[] {"DATE_FORMAT", "TO_TIMESTAMP", "TO_DATE", "UNIX_TIMESTAMP", "FROM_UNIXTIME",
                "CONVERT_TZ", "TO_TIMESTAMP_LTZ"}) {
            byName.put(name, formats);
        }
        byName.put("NOW", datetime);
        // IF(c, a, b) has the operands of CASE WHEN c THEN a ELSE b END; IFNULL(a, b) those of COALESCE(a, b).
        CallGenerator choice = new CaseGenerator();
        byName.put("IF", choice);
        byName.put("IFNULL", choice);
        CallGenerator extremes = new GreatestLeastGenerator();
        byName.put("GREATEST", extremes);
        byName.put("LEAST", extremes);
        CallGenerator json = new JsonFunctionGenerator();
        for (String name : new String[] {"JSON_EXISTS", "JSON_VALUE", "JSON_QUERY", "IS JSON VALUE", "IS JSON OBJECT",
                "IS JSON ARRAY", "IS JSON SCALAR", "IS NOT JSON VALUE", "IS NOT JSON OBJECT", "IS NOT JSON ARRAY",
                "IS NOT JSON SCALAR"}) {
            byName.put(name, json);
        }
        CallGenerator constructors = new JsonConstructorGenerator();
        for (String name : JsonConstructorGenerator.NAMES) {
            byName.put(name, constructors);
        }
        byName.put("HASH_CODE", new HashCodeGenerator());
        CallGenerator types = new TypeFunctionGenerator();
        // TRY_CAST becomes Calcite's SAFE_CAST where Calcite rebuilds the cast.
        byName.put("TRY_CAST", types);
        byName.put("SAFE_CAST", types);
        byName.put("TYPEOF", types);
    }
}

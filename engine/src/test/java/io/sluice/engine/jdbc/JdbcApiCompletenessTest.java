package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of {@link DatabaseMetaData} and {@link Connection}, called with plain arguments,
 * returns a value or throws a SQLException with a message and a SQLState (0A000 for what Sluice
 * does not support): never an unchecked exception. Result sets are read to their end.
 */
@Timeout(120)
class JdbcApiCompletenessTest {
    /** Methods that end the connection, which the test calls last. */
    private static final Set<String> ENDING = Set.of("close", "abort");

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void everyMethodAnswersOrThrowsASqlExceptionWithAState(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE STREAM bids (ts TIMESTAMP(3), bidder VARCHAR, price INT, "
                        + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')");
            }
            List<String> problems = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            for (Method method : methods(DatabaseMetaData.class)) {
                call(meta, method, problems);
            }
            for (Method method : methods(Connection.class)) {
                if (!ENDING.contains(method.getName())) {
                    call(connection, method, problems);
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(!connection.isClosed());
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void keywordsAndFunctionsAreTheGrammarsAndCompiledOnes(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> keywords = List.of(meta.getSQLKeywords().split(","));
            assertTrue(keywords.containsAll(List.of("STREAM", "WATERMARK", "MATERIALIZED", "LIMIT")), keywords.toString());
            assertTrue(!keywords.contains("SELECT") && !keywords.contains(""), keywords.toString());
            List<String> strings = List.of(meta.getStringFunctions().split(","));
            assertTrue(strings.containsAll(List.of("UPPER", "LOWER", "SUBSTRING", "TRIM")), strings.toString());
            List<String> numbers = List.of(meta.getNumericFunctions().split(","));
            assertTrue(numbers.containsAll(List.of("ABS", "MOD", "SQRT", "POWER", "LN")), numbers.toString());
            List<String> times = List.of(meta.getTimeDateFunctions().split(","));
            assertTrue(times.containsAll(List.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP")), times.toString());
            List<String> system = List.of(meta.getSystemFunctions().split(","));
            assertTrue(system.containsAll(List.of("CAST", "COALESCE")), system.toString());
            // every listed string function is one a query can call
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT UPPER('a'), LOWER('B'), TRIM(' c ')")) {
                assertTrue(rows.next());
                assertEquals("A|b|c", rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
            }
        }
    }

    private static List<Method> methods(Class<?> api) {
        return Arrays.stream(api.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .sorted(Comparator.comparing(Method::toString))
                .toList();
    }

    private static void call(Object target, Method method, List<String> problems) {
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(JdbcApiCompletenessTest::plain).toArray();
        try {
            Object result = method.invoke(target, arguments);
            if (result instanceof ResultSet rows) {
                try (rows) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.getObject(i);
                        }
                    }
                }
            }
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (!(failure instanceof SQLException sql)) {
                problems.add(method.getName() + ": " + failure);
            } else if (sql.getMessage() == null || sql.getSQLState() == null) {
                problems.add(method.getName() + ": no message or SQLState: " + sql);
            }
        } catch (SQLException | IllegalAccessException e) {
            problems.add(method.getName() + ": " + e);
        }
    }

    /** What a tool might pass: nulls for names and patterns, zeros, empty collections. */
    private static Object plain(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == Properties.class) {
            return new Properties();
        }
        if (type == java.util.Map.class) {
            return new HashMap<>();
        }
        if (type == Executor.class) {
            return (Executor) Runnable::run;
        }
        if (type == String.class) {
            return "x";
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        return null;
    }
}

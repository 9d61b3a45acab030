package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a JDBC client gets for an error: the SQLState and a message of at most a few KB, and no
 * frame of the server's stack, neither in the exceptions it is handed nor in the stack traces
 * Avatica carries from the server.
 */
class JdbcErrorTextTest {
    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aLongErrorIsCutAndCarriesNoServerStackTrace(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            // the parser's message quotes the 100,000-character name, longer than a name may be
            String name = "t" + "x".repeat(100_000);
            SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM " + name));
            assertEquals("42000", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().length() <= SluiceException.MAX_MESSAGE_LENGTH + 40, "" + e.getMessage().length());
            assertTrue(e.getMessage().endsWith("more characters cut)"), e.getMessage());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("io.sluice.engine.jdbc.EngineMeta"), trace.toString());
            for (Throwable t = e; t != null; t = t.getCause()) {
                for (String serverTrace : serverExceptions(t)) {
                    assertFalse(serverTrace.contains("\tat "), serverTrace);
                }
            }
        }
    }

    /** The server's stack traces that the driver's Avatica (shaded or not) keeps, if this is its exception. */
    @SuppressWarnings("unchecked")
    private static List<String> serverExceptions(Throwable t) throws ReflectiveOperationException {
        for (Method method : t.getClass().getMethods()) {
            if (method.getName().equals("getServerExceptions") && method.getParameterCount() == 0) {
                return (List<String>) method.invoke(t);
            }
        }
        return List.of();
    }
}

package io.sluice.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SluiceUrlTest {
    @Test
    void aServerUrl() throws SQLException {
        SluiceUrl url = SluiceUrl.parse("jdbc:sluice://db.example.com:9000?fetchSize=5000&timeZone=Europe%2FParis");
        assertFalse(url.isEmbedded());
        assertEquals("db.example.com", url.host());
        assertEquals(9000, url.port());
        assertEquals(Map.of("fetchSize", "5000", "timeZone", "Europe/Paris"), url.properties());
        assertEquals("db.example.com:9000", url.describeTarget());

        SluiceUrl defaults = SluiceUrl.parse("jdbc:sluice://localhost/");
        assertEquals(8765, defaults.port());
        assertEquals(Map.of(), defaults.properties());
        assertEquals("[::1]", SluiceUrl.parse("jdbc:sluice://[::1]:8765").host());
    }

    @Test
    void anInProcessUrl() throws SQLException {
        SluiceUrl shared = SluiceUrl.parse("jdbc:sluice:mem:orders_1?fetchSize=10");
        assertTrue(shared.isEmbedded());
        assertEquals("orders_1", shared.engineName());
        assertNull(shared.host());
        assertEquals(Map.of("fetchSize", "10"), shared.properties());
        assertEquals("", SluiceUrl.parse("jdbc:sluice:mem:").engineName());
    }

    @Test
    void badUrlsSayWhatIsWrong() {
        assertMessage("jdbc:sluice:localhost:8765", "invalid Sluice URL 'jdbc:sluice:localhost:8765': expected "
                + "jdbc:sluice://host:port or jdbc:sluice:mem:[name]");
        assertMessage("jdbc:sluice://host:8765/db", "a Sluice server has no path '/db'");
        assertMessage("jdbc:sluice://host:8765?fetchSize", "'fetchSize' is not of the form property=value");
        assertMessage("jdbc:sluice:mem:a b", "the engine name 'a b' may only hold");
        assertFalse(SluiceUrl.accepts("jdbc:postgresql://host/db"));
    }

    @Test
    void propertiesComeFromTheUrlFirstAndAreChecked() throws SQLException {
        Properties given = new Properties();
        given.setProperty("fetchSize", "20");
        given.setProperty("timeZone", "UTC");
        given.setProperty("someToolsOwnProperty", "x");
        Properties avatica = SluiceProperty.resolve(SluiceUrl.parse("jdbc:sluice://h:1?fetchSize=30"), given);
        assertEquals("30", avatica.getProperty("fetch_size"));
        assertEquals("UTC", avatica.getProperty("timeZone"));

        SQLException unknown = assertThrows(SQLException.class,
                () -> SluiceProperty.resolve(SluiceUrl.parse("jdbc:sluice://h:1?fetchsize=30"), new Properties()));
        assertEquals("08001", unknown.getSQLState());
        assertTrue(unknown.getMessage().startsWith("unknown connection property 'fetchsize'"), unknown.getMessage());
        SQLException negative = assertThrows(SQLException.class,
                () -> SluiceProperty.resolve(SluiceUrl.parse("jdbc:sluice://h:1?fetchSize=-1"), new Properties()));
        assertEquals("connection property 'fetchSize' must be a positive integer, not '-1'", negative.getMessage());
        SQLException zone = assertThrows(SQLException.class,
                () -> SluiceProperty.resolve(SluiceUrl.parse("jdbc:sluice://h:1?timeZone=Mars"), new Properties()));
        assertTrue(zone.getMessage().contains("is not a time zone"), zone.getMessage());
    }

    private static void assertMessage(String url, String expected) {
        SQLException e = assertThrows(SQLException.class, () -> SluiceUrl.parse(url));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

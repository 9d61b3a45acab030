package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.metrics.OrdersFile;
import io.sluice.engine.metrics.Scrape;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import io.sluice.engine.server.MetricsServer;
import io.sluice.engine.server.auth.BasicCredentials;
import io.sluice.engine.server.auth.Users;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's /metrics, scraped over HTTP and parsed as Prometheus text. */
class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void scrapedCountersAgreeWithTheQuerysSummary() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Engine engine = Engine.create(EngineConfig.defaults().withMeterRegistry(registry));
             JdbcServer jdbc = JdbcServer.start(engine, JdbcServerConfig.loopback());
             MetricsServer metrics = MetricsServer.start(engine, registry, "127.0.0.1", 0, Optional.empty(),
                     Optional.empty());
             Session session = engine.newSession()) {
            session.execute(OrdersFile.create(dir));
            ResultCursor cursor = session.execute("SELECT id, item FROM orders WHERE id > 1").cursor();
            String id = engine.queries().list().get(0).id();
            while (cursor.next() != null) {
                // read to the end
            }
            QuerySummary summary = cursor.summary();
            cursor.close();

            try (Connection connection = DriverManager.getConnection(jdbc.url());
                 Statement statement = connection.createStatement();
                 ResultSet streams = statement.executeQuery("SHOW STREAMS")) {
                assertTrue(streams.next());

                HttpResponse<String> response = get(metrics.url(), Optional.empty());
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
                Scrape scrape = Scrape.parse(response.body());
                Map<String, String> query = Map.of("query", id, "kind", "query");
                // lines 2 and 4 pass the filter; line 3 is malformed
                assertEquals(2, summary.rows());
                assertEquals(1, summary.malformedRecords());
                assertEquals(summary.rows(), value(scrape, "sluice_query_records_out_total", query));
                assertEquals(summary.malformedRecords(), value(scrape, "sluice_query_records_malformed_total", query));
                assertEquals(summary.recordsRead(), value(scrape, "sluice_query_records_in_total", query));
                assertTrue(value(scrape, "sluice_jdbc_requests_seconds", Map.of("request", "protocol")) > 0);
                // the shell's session and the JDBC connection's
                assertEquals(2, value(scrape, "sluice_sessions_open", Map.of()));
            }
        }
    }

    @Test
    void anAddressBeyondLoopbackServesOnlyTheUsersOfTheUsersFile() throws Exception {
        Users users = Users.load(SecuredServer.writeUsers(dir));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Engine engine = Engine.create(EngineConfig.defaults().withMeterRegistry(registry));
             MetricsServer metrics = MetricsServer.start(engine, registry, "0.0.0.0", 0, Optional.of(users),
                     Optional.empty())) {
            String url = "http://127.0.0.1:" + metrics.port() + MetricsServer.PATH;
            HttpResponse<String> anonymous = get(url, Optional.empty());
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertEquals(401, get(url, Optional.of(new BasicCredentials("alice", "wrong"))).statusCode());

            HttpResponse<String> alice = get(url, Optional.of(new BasicCredentials("alice",
                    SecuredServer.password("alice"))));
            assertEquals(200, alice.statusCode());
            assertTrue(value(Scrape.parse(alice.body()), "sluice_engine_memory_limit_bytes", Map.of()) > 0);
        }
    }

    @Test
    void anAddressBeyondLoopbackWithoutUsersIsRefused() {
        try (Engine engine = Engine.create()) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SluiceException e = assertThrows(SluiceException.class, () -> MetricsServer.start(engine, registry,
                    "0.0.0.0", 0, Optional.empty(), Optional.empty()));
            assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        }
    }

    private static double value(Scrape scrape, String family, Map<String, String> labels) {
        return scrape.value(family, labels).orElseThrow(() -> new AssertionError("no " + family + " " + labels));
    }

    private static HttpResponse<String> get(String url, Optional<BasicCredentials> credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        credentials.ifPresent(c -> request.header("Authorization", c.header()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

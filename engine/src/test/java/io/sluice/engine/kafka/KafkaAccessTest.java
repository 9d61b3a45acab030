package io.sluice.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.Statements;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.security.EndpointPattern;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka connector under a closed access policy: every bootstrap server must be allowed, and
 * client properties that reach files or load classes are refused unless the policy names them;
 * an allowed broker is read and written as ever.
 */
@Timeout(120)
class KafkaAccessTest {
    @Test
    void onlyAllowedBrokersAndPropertiesAreUsed(@TempDir Path data) throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("access-in", 1);
        broker.createTopic("access-out", 1);
        broker.produce("access-in", List.of(KafkaBroker.Record.value(0, "{\"k\":\"a\",\"v\":1}"),
                KafkaBroker.Record.value(0, "{\"k\":\"b\",\"v\":2}")));
        AccessPolicy policy = AccessPolicy.closed(data).allowEndpoint(EndpointPattern.parse(broker.bootstrapServers()))
                .build();
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1).withAccessPolicy(policy));
        try (Session session = engine.newSession()) {
            SluiceException elsewhere = assertDenied(() -> session.execute(table("t", "access-in",
                    broker.bootstrapServers() + ",kafka.elsewhere:9092", "")));
            assertEquals("line 1, column 1: access denied: 'kafka.elsewhere:9092' is not an endpoint the server lets"
                    + " connectors reach (--allow-host: " + broker.bootstrapServers() + ")", elsewhere.getMessage());
            SluiceException jaas = assertDenied(() -> session.execute(table("t", "access-in", broker.bootstrapServers(),
                    ", 'properties.sasl.jaas.config' = 'com.sun.security.auth.module.Krb5LoginModule required"
                            + " useKeyTab=true keyTab=\"/etc/krb5.keytab\";'")));
            assertTrue(jaas.getMessage().contains("Kafka client property 'sasl.jaas.config' can reach files"),
                    jaas.getMessage());
            assertDenied(() -> session.execute(table("t", "access-in", broker.bootstrapServers(),
                    ", 'properties.ssl.truststore.location' = '/etc/shadow'")));
            assertDenied(() -> session.execute(table("t", "access-in", broker.bootstrapServers(),
                    ", 'properties.sasl.login.class' = 'com.example.Login'")));

            session.execute(table("source", "access-in", broker.bootstrapServers(),
                    ", 'scan.bounded.mode' = 'latest-offset'"));
            session.execute(table("sink", "access-out", broker.bootstrapServers(), ""));
            session.execute("SET 'table.dml-sync' = 'true'");
            Statements.startJob(session, "INSERT INTO sink SELECT k, v * 10 FROM source");
            List<String> written = broker.consumeAll("access-out").stream().map(ConsumerRecord::value).toList();
            assertEquals(List.of("{\"k\":\"a\",\"v\":10}", "{\"k\":\"b\",\"v\":20}"), written);
        } finally {
            engine.close();
        }
    }

    private static String table(String name, String topic, String servers, String extraOptions) {
        return "CREATE TABLE " + name + " (k STRING, v INT) WITH ('connector' = 'kafka', 'topic' = '" + topic
                + "', 'properties.bootstrap.servers' = '" + servers + "', 'scan.startup.mode' = 'earliest-offset',"
                + " 'format' = 'json'" + extraOptions + ")";
    }

    private static SluiceException assertDenied(Executable statement) {
        SluiceException e = assertThrows(SluiceException.class, statement);
        assertEquals("42501", e.sqlState(), e.getMessage());
        return e;
    }
}

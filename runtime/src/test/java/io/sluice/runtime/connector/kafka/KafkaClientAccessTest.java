package io.sluice.runtime.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.security.EndpointPattern;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientAccessTest {
    private static final ConnectorOptions OPTIONS = new ConnectorOptions("kafka", Map.of());
    private static final AccessPolicy POLICY = AccessPolicy.closed(Path.of("/"))
            .allowEndpoint(EndpointPattern.parse("kafka-1.internal:9092"))
            .allowEndpoint(EndpointPattern.parse("kafka-2.internal:9092"))
            .allowKafkaProperty("ssl.truststore.location").build();

    @Test
    void everyBootstrapServerMustBeAllowed() {
        KafkaClientAccess.check(Map.of("bootstrap.servers", "kafka-1.internal:9092, kafka-2.internal:9092"), POLICY,
                OPTIONS);
        KafkaClientAccess.check(Map.of("bootstrap.servers", "SASL_SSL://kafka-1.internal:9092"), POLICY, OPTIONS);
        SluiceException second = assertThrows(SluiceException.class, () -> KafkaClientAccess.check(
                Map.of("bootstrap.servers", "kafka-1.internal:9092,evil.com:9092"), POLICY, OPTIONS));
        assertEquals("42501", second.sqlState());
        assertTrue(second.getMessage().contains("'evil.com:9092' is not an endpoint"), second.getMessage());
        SluiceException bad = assertThrows(SluiceException.class, () -> KafkaClientAccess.check(
                Map.of("bootstrap.servers", "kafka-1.internal"), POLICY, OPTIONS));
        assertEquals("option 'properties.bootstrap.servers' of connector 'kafka': 'kafka-1.internal' is not HOST:PORT",
                bad.getMessage());
    }

    @Test
    void propertiesThatReachFilesCommandsOrClassesNeedThePolicysLeave() {
        for (String name : new String[] {"sasl.jaas.config", "ssl.keystore.location", "ssl.keystore.password",
            "sasl.login.class", "sasl.client.callback.handler.class", "sasl.login.callback.handler.class",
            "interceptor.classes", "key.deserializer", "value.serializer", "metric.reporters", "config.providers",
            "config.providers.file.class", "security.providers", "sasl.kerberos.kinit.cmd",
            "sasl.oauthbearer.token.endpoint.url", "sasl.oauthbearer.assertion.file", "ssl.engine.factory.class"}) {
            assertTrue(KafkaClientAccess.reachesOutside(name), name);
            SluiceException e = assertThrows(SluiceException.class, () -> KafkaClientAccess.check(
                    Map.of("bootstrap.servers", "kafka-1.internal:9092", name, "x"), POLICY, OPTIONS));
            assertEquals("42501", e.sqlState(), name);
        }
        for (String name : new String[] {"group.id", "acks", "security.protocol", "sasl.mechanism", "client.id",
            "auto.offset.reset", "default.api.timeout.ms"}) {
            assertFalse(KafkaClientAccess.reachesOutside(name), name);
        }
        KafkaClientAccess.check(Map.of("bootstrap.servers", "kafka-1.internal:9092", "ssl.truststore.location",
                "/etc/kafka/trust.jks", "group.id", "g"), POLICY, OPTIONS);
    }

    @Test
    void theOpenPolicyChecksNothing() {
        KafkaClientAccess.check(Map.of("bootstrap.servers", "not an address", "sasl.jaas.config", "x"),
                AccessPolicy.OPEN, OPTIONS);
    }
}

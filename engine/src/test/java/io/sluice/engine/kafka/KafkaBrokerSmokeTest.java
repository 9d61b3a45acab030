package io.sluice.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaBrokerSmokeTest {
    @Test
    void producesAndConsumes() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("smoke", 2);
        broker.produce("smoke", List.of(KafkaBroker.Record.value(0, "a"), KafkaBroker.Record.value(1, "b")));
        assertEquals(List.of("a", "b"), broker.consumeAll("smoke").stream().map(r -> r.value()).toList());
    }
}

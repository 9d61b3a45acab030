package io.sluice.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.Statements;
import io.sluice.engine.query.QueryState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broker that goes away: the job keeps running, retries, and says so; it can still be stopped cleanly. */
class KafkaOutageTest {
    @Test
    void aJobOutlivesItsBrokerAndCountsTheOutage() throws Exception {
        KafkaBroker broker = KafkaBroker.start();
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            broker.createTopic("fragile", 1);
            broker.produce("fragile", List.of(KafkaBroker.Record.value(0, "{\"v\":1}"),
                    KafkaBroker.Record.value(0, "{\"v\":2}"), KafkaBroker.Record.value(0, "{\"v\":3}")));
            session.execute("CREATE STREAM fragile (v INT) WITH ('connector' = 'kafka', 'topic' = 'fragile',"
                    + " 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "',"
                    + " 'properties.reconnect.backoff.max.ms' = '500', 'scan.startup.mode' = 'earliest-offset',"
                    + " 'format' = 'json')");
            session.execute("CREATE TABLE sink (v INT) WITH ('connector' = 'blackhole')");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO sink SELECT v FROM fragile");
            Statements.await("the job has written the three records", () -> job.metrics().recordsOut() == 3);

            broker.close();
            Statements.await("the source has noticed the outage", () -> job.metrics().sourceRetries() > 0);
            assertEquals(QueryState.RUNNING, job.state());
            List<String> listed = Statements.rows(session, "SHOW JOBS");
            assertTrue(listed.get(0).endsWith("|1|NULL"), "one outage, no error: " + listed.get(0));

            session.execute("STOP JOB '" + job.id() + "'");
            assertEquals(QueryState.CANCELLED, job.state());
            assertEquals(0, Statements.allocated(engine));
        } finally {
            broker.close();
        }
    }
}

package io.sluice.engine.job;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.security.EndpointPattern;
import java.nio.file.Path;
import java.util.List;

/**
 * An engine on a data directory in a process of its own, as {@code sluice server --data-dir} runs
 * one, for tests that kill it. Arguments: the directory, a query of one value, the value it must
 * reach, a query whose rows to print, then statements to run. It resumes what the directory
 * holds, runs the statements, prints {@code running}, waits (at most 90 s) until the first query
 * gives the value, then prints each row of the second as {@code row <columns>} and {@code done}.
 */
public final class ServerProcess {
    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        AccessPolicy policy = AccessPolicy.closed(data).allowRead(data).allowWrite(data)
                .allowEndpoint(EndpointPattern.parse("127.0.0.1:*")).allowEndpoint(EndpointPattern.parse("localhost:*"))
                .build();
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2).withAccessPolicy(policy), data);
        Session session = engine.newSession();
        for (int i = 4; i < args.length; i++) {
            session.execute(args[i]);
        }
        System.out.println("running");
        System.out.flush();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!List.of(args[2]).equals(Statements.rows(session, args[1])) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (String row : Statements.rows(session, args[3])) {
            System.out.println("row " + row);
        }
        System.out.println("done");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}

package io.sluice.engine.job;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;

/**
 * An engine in a process of its own, for tests that kill it: runs each argument as a statement,
 * the last one starting a job, prints {@code running <job id>} and waits until the job ends (or
 * the process is killed). Exits 1 if the job failed.
 */
public final class JobProcess {
    private JobProcess() {
    }

    public static void main(String[] statements) throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
        Session session = engine.newSession();
        for (int i = 0; i < statements.length - 1; i++) {
            session.execute(statements[i]);
        }
        BackgroundJob job = Statements.startJob(session, statements[statements.length - 1]);
        System.out.println("running " + job.id());
        System.out.flush();
        job.ended().get();
        System.out.println("ended " + job.state() + (job.failure() == null ? "" : ": " + job.failure().getMessage()));
        engine.close();
        System.exit(job.failure() == null ? 0 : 1);
    }
}

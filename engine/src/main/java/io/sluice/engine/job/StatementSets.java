package io.sluice.engine.job;

import io.sluice.runtime.job.JobSpec;
import io.sluice.planner.physical.JobOptions;
import java.util.ArrayList;
import java.util.List;

/** The one job of a statement set: each INSERT's job, joined so that shared sources are read once. */
public final class StatementSets {
    private StatementSets() {
    }

    public static JobSpec jobSpec(String jobName, List<InsertPlanner.Plan> plans, JobOptions options) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            jobs.add(plans.get(i).jobSpec(jobName + "-" + (i + 1), options));
        }
        return SharedSources.merge(jobName, jobs);
    }
}

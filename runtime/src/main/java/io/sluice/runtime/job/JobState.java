package io.sluice.runtime.job;

/** The life of a job. The last three are final. */
public enum JobState {
    RUNNING,
    /** Every source ended, or the job had all it needed (a LIMIT was reached). */
    FINISHED,
    CANCELLED,
    FAILED
}

package io.sluice.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A node of Sluice's physical plan. Each node knows how to add itself to the job being built:
 * its operators, and the exchanges it needs in front of it.
 */
public interface SluiceRel extends RelNode {
    Convention CONVENTION = new Convention.Impl("SLUICE", SluiceRel.class);

    /**
     * The changelog this node's output is: insert-only, or updating with its key (see
     * {@link Changelog}). Derived once, when the node is made, from its inputs' changelogs.
     */
    Changelog changelog();

    /** Adds this node to the job: its inputs first, then itself, returning the stream it produces. */
    JobBuilder.Stream implement(JobBuilder builder);
}

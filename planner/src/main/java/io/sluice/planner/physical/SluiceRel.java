package io.sluice.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

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

    /**
     * This node for a consumer that writes its rows by {@code key} (an upsert sink keyed so, a
     * materialized view): a copy in upsert mode, which leaves out the old value ({@code -U}) of
     * each update, where its result is keyed by exactly that key; otherwise the node itself,
     * whose retract changelog any consumer takes. The cheapest changelog the consumer accepts.
     */
    default SluiceRel inUpsertMode(ImmutableBitSet key) {
        return this;
    }

    /** Adds this node to the job: its inputs first, then itself, returning the stream it produces. */
    JobBuilder.Stream implement(JobBuilder builder);
}

package io.sluice.bench.nexmark;

import io.sluice.planner.physical.AggPhaseStrategy;
import java.util.Locale;

/** What the runner measures: each engine, and the generator alone. */
enum Engines {
    SLUICE,
    FLINK,
    /** The Nexmark generator filling its buffers, with no engine: the ceiling of every query. */
    GENERATOR;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Engines of(String id) {
        for (Engines engine : values()) {
            if (engine.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + id + "': use sluice, flink or generator");
    }

    /** A driver for a query engine, its aggregations in one or two phases as {@code aggPhaseStrategy} says, taking checkpoints as {@code checkpointing} says. */
    EngineDriver driver(int parallelism, AggPhaseStrategy aggPhaseStrategy, Checkpointing checkpointing) {
        return switch (this) {
            case SLUICE -> new SluiceDriver(parallelism, aggPhaseStrategy, checkpointing);
            case FLINK -> new FlinkDriver(parallelism, aggPhaseStrategy, checkpointing);
            case GENERATOR -> throw new IllegalArgumentException("the generator runs no queries");
        };
    }
}

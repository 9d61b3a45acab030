package io.sluice.bench.nexmark;

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

    /** A driver for a query engine. */
    EngineDriver driver(int parallelism, Checkpointing checkpointing) {
        return switch (this) {
            case SLUICE -> new SluiceDriver(parallelism, checkpointing);
            case FLINK -> new FlinkDriver(parallelism, checkpointing);
            case GENERATOR -> throw new IllegalArgumentException("the generator runs no queries");
        };
    }
}

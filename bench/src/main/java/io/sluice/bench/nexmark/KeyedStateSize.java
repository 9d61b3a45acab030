package io.sluice.bench.nexmark;

/**
 * The keyed state a query's job held at its end (its groups, join rows, Top-N partitions), as
 * Sluice's metrics report it (SHOW QUERIES' {@code state_bytes} and {@code state_keys}).
 */
record KeyedStateSize(long bytes, long keys) {
    KeyedStateSize {
        if (bytes < 0 || keys < 0) {
            throw new IllegalArgumentException("negative state: " + bytes + " bytes, " + keys + " keys");
        }
    }

    /** Bytes per key, or 0 without keys. */
    double bytesPerKey() {
        return keys == 0 ? 0 : (double) bytes / keys;
    }
}

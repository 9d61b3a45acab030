package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

/**
 * One field of a Nexmark event, named and typed as in Flink's Nexmark tables.
 *
 * @param name the column name, case-sensitive
 */
public record NexmarkField(String name, Type type) {
    /** The SQL types Nexmark fields have; how each is held in an event buffer. */
    public enum Type {
        /** A {@code long[]} column. */
        BIGINT("BIGINT"),
        /** A {@link StringColumn}. */
        VARCHAR("VARCHAR"),
        /** A {@code long[]} column of epoch milliseconds (UTC). */
        TIMESTAMP("TIMESTAMP(3)");

        private final String sqlName;

        Type(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    public NexmarkField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toString() {
        return name + " " + type.sqlName();
    }
}

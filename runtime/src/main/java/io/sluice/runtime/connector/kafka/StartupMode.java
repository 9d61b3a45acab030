package io.sluice.runtime.connector.kafka;

/** Where a Kafka reader starts in each partition: {@code 'scan.startup.mode'}, as in Flink. */
enum StartupMode {
    EARLIEST_OFFSET("earliest-offset"),
    LATEST_OFFSET("latest-offset"),
    /** The consumer group's committed offsets; where there is none, the earliest offset (or {@code 'properties.auto.offset.reset'}). */
    GROUP_OFFSETS("group-offsets"),
    /** The first offset whose record's timestamp is at or after {@code 'scan.startup.timestamp-millis'}. */
    TIMESTAMP("timestamp");

    private final String optionValue;

    StartupMode(String optionValue) {
        this.optionValue = optionValue;
    }

    static String[] optionValues() {
        StartupMode[] modes = values();
        String[] names = new String[modes.length];
        for (int i = 0; i < modes.length; i++) {
            names[i] = modes[i].optionValue;
        }
        return names;
    }

    static StartupMode of(String optionValue) {
        for (StartupMode mode : values()) {
            if (mode.optionValue.equals(optionValue)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(optionValue);
    }
}

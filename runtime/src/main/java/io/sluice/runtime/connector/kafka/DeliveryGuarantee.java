package io.sluice.runtime.connector.kafka;

/** {@code 'sink.delivery-guarantee'}, as in Flink: what a crash may do to the records a Kafka sink writes. */
enum DeliveryGuarantee {
    /** Records are written in transactions committed with checkpoints: none lost, none twice. */
    EXACTLY_ONCE("exactly-once"),
    /** Checkpoints wait until what was sent is acknowledged: none lost; after a crash, some may repeat. */
    AT_LEAST_ONCE("at-least-once"),
    /** Records are sent and not waited for at checkpoints: some may be lost or repeat. */
    NONE("none");

    private final String optionValue;

    DeliveryGuarantee(String optionValue) {
        this.optionValue = optionValue;
    }

    String optionValue() {
        return optionValue;
    }

    static DeliveryGuarantee of(String optionValue) {
        for (DeliveryGuarantee guarantee : values()) {
            if (guarantee.optionValue.equals(optionValue)) {
                return guarantee;
            }
        }
        throw new IllegalArgumentException(optionValue);
    }
}

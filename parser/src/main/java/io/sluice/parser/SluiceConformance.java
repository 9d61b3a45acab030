package io.sluice.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's default conformance with the Flink-isms users write: {@code a % b} (Flink accepts it,
 * Calcite's default rejects it) and {@code a != b} (a superset of Flink, which accepts only
 * {@code <>}). Everything else, {@code LIMIT n} included, is Calcite's default, which is also
 * what Flink's conformance is built on: no GROUP BY aliases or ordinals, ORDER BY ordinals and
 * aliases allowed.
 */
final class SluiceConformance extends SqlDelegatingConformance {
    static final SluiceConformance INSTANCE = new SluiceConformance();

    private SluiceConformance() {
        super(SqlConformanceEnum.DEFAULT);
    }

    @Override
    public boolean isPercentRemainderAllowed() {
        return true;
    }

    @Override
    public boolean isBangEqualAllowed() {
        return true;
    }
}

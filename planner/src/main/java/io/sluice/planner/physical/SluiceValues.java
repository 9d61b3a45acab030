package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.rows.RowsSource;
import io.sluice.runtime.job.PipelineInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import com.google.common.collect.ImmutableList;

/** Literal rows ({@code VALUES}, or a {@code SELECT} without {@code FROM}), read by one task. */
public final class SluiceValues extends Values implements SluiceRel {
    public SluiceValues(RelOptCluster cluster, RelDataType rowType, ImmutableList<ImmutableList<RexLiteral>> tuples,
                        RelTraitSet traits) {
        super(cluster, List.of(), rowType, tuples, traits);
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceValues(getCluster(), getRowType(), getTuples(), traitSet);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        // First, so that a column of a type the runtime does not have is an error before its values are read.
        Schema schema = ArrowTypeMapping.toSchema(getRowType());
        List<List<Object>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : getTuples()) {
            List<Object> row = new ArrayList<>();
            for (RexLiteral literal : tuple) {
                row.add(value(literal));
            }
            rows.add(row);
        }
        return new JobBuilder.Stream(new PipelineInput.FromSource("VALUES", new RowsSource(rows),
                schema, ReadMode.SNAPSHOT, Optional.empty(), Optional.empty()), 1);
    }

    /** A literal in the runtime's representation (see {@link io.sluice.runtime.vector.VectorValues}). */
    private static Object value(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        SqlTypeName type = literal.getType().getSqlTypeName();
        return switch (type) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case CHAR, VARCHAR -> literal.getValueAs(NlsString.class).getValue();
            case DECIMAL -> literal.getValueAs(BigDecimal.class);
            case DOUBLE, FLOAT, REAL -> literal.getValueAs(Double.class);
            case DATE, TIME -> literal.getValueAs(Integer.class);
            case TINYINT, SMALLINT, INTEGER -> literal.getValueAs(Integer.class);
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> literal.getValueAs(Integer.class);
            default -> literal.getValueAs(Long.class);
        };
    }
}

package io.sluice.planner.window;

import io.sluice.runtime.window.WindowKind;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A window table function as Flink defines them: the input table's columns followed by
 * {@code window_start}, {@code window_end} and {@code window_time} (the window's last
 * millisecond, the rowtime of its results). Calcite's own functions lack {@code window_time}, so
 * Sluice declares all four ({@code TUMBLE, HOP, CUMULATE, SESSION}) this way.
 */
public class WindowTableFunction extends SqlWindowTableFunction {
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String WINDOW_TIME = "window_time";

    private final WindowKind kind;

    WindowTableFunction(WindowKind kind, SqlOperandMetadata operands) {
        super(kind.name(), operands);
        this.kind = kind;
    }

    public static WindowTableFunction tumble() {
        return new WindowTableFunction(WindowKind.TUMBLE,
                new Operands(List.of(PARAM_DATA, PARAM_TIMECOL, PARAM_SIZE, PARAM_OFFSET), 3, false,
                        "TUMBLE(TABLE t, DESCRIPTOR(timecol), size [, offset])"));
    }

    public static WindowTableFunction hop() {
        return new WindowTableFunction(WindowKind.HOP,
                new Operands(List.of(PARAM_DATA, PARAM_TIMECOL, PARAM_SLIDE, PARAM_SIZE, PARAM_OFFSET), 4, false,
                        "HOP(TABLE t, DESCRIPTOR(timecol), slide, size [, offset])"));
    }

    public static WindowTableFunction cumulate() {
        return new WindowTableFunction(WindowKind.CUMULATE,
                new Operands(List.of(PARAM_DATA, PARAM_TIMECOL, "STEP", PARAM_SIZE, PARAM_OFFSET), 4, false,
                        "CUMULATE(TABLE t, DESCRIPTOR(timecol), step, size [, offset])"));
    }

    public static WindowTableFunction session() {
        return new WindowTableFunction(WindowKind.SESSION,
                new Operands(List.of(PARAM_DATA, PARAM_TIMECOL, PARAM_KEY, PARAM_SIZE), 4, true,
                        "SESSION(TABLE t PARTITION BY key, DESCRIPTOR(timecol), gap) or "
                                + "SESSION(TABLE t, DESCRIPTOR(timecol), DESCRIPTOR(key), gap)"));
    }

    public WindowKind kind() {
        return kind;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return WindowTableFunction::inferRowType;
    }

    private static RelDataType inferRowType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType input = binding.getOperandType(0);
        RelDataType time = types.createSqlType(SqlTypeName.TIMESTAMP, 3);
        return types.builder()
                .kind(input.getStructKind())
                .addAll(input.getFieldList())
                .add(WINDOW_START, time)
                .add(WINDOW_END, time)
                .add(WINDOW_TIME, time)
                .build();
    }

    /**
     * A table, a time column descriptor, then intervals; for SESSION a key descriptor comes
     * before the gap.
     */
    private record Operands(List<String> names, int mandatory, boolean keyDescriptor, String signature)
            implements SqlOperandMetadata {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            return WindowOperands.checkTimeColumn(binding, 1, throwOnFailure)
                    && (!keyDescriptor || WindowOperands.checkColumns(binding, 2, throwOnFailure))
                    && WindowOperands.checkIntervals(binding, keyDescriptor ? 3 : 2, throwOnFailure);
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(mandatory, names.size());
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return signature;
        }

        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            return List.of();
        }

        @Override
        public List<String> paramNames() {
            return names;
        }

        @Override
        public boolean isOptional(int i) {
            return i >= mandatory;
        }
    }
}

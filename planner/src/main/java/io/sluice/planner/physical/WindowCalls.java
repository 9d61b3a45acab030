package io.sluice.planner.physical;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.window.WindowKind;
import io.sluice.runtime.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/** Reads a window table function's call: its windows, and the columns its descriptors name. */
final class WindowCalls {
    private WindowCalls() {
    }

    static WindowSpec spec(WindowKind kind, RexCall call) {
        List<RexNode> operands = call.getOperands();
        return switch (kind) {
            case TUMBLE -> WindowSpec.tumble(millis(operands.get(1)), operands.size() > 2 ? millis(operands.get(2)) : 0);
            case HOP -> windowSpec(() -> WindowSpec.hop(millis(operands.get(1)), millis(operands.get(2)),
                    operands.size() > 3 ? millis(operands.get(3)) : 0));
            case CUMULATE -> windowSpec(() -> WindowSpec.cumulate(millis(operands.get(1)), millis(operands.get(2)),
                    operands.size() > 3 ? millis(operands.get(3)) : 0));
            case SESSION -> WindowSpec.session(millis(operands.get(2)));
            case GLOBAL -> WindowSpec.global();
            case CARRIED -> WindowSpec.carried();
        };
    }

    static WindowSpec windowSpec(java.util.function.Supplier<WindowSpec> spec) {
        try {
            return spec.get();
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, e.getMessage());
        }
    }

    static List<Integer> descriptorColumns(RexNode descriptor) {
        List<Integer> columns = new ArrayList<>();
        for (RexNode operand : ((RexCall) descriptor).getOperands()) {
            columns.add(((RexInputRef) operand).getIndex());
        }
        return columns;
    }

    /** An interval literal's milliseconds; the validator let only literals, negated or not, through. */
    static long millis(RexNode interval) {
        if (interval.getKind() == SqlKind.MINUS_PREFIX) {
            return -millis(((RexCall) interval).getOperands().get(0));
        }
        return ((RexLiteral) interval).getValueAs(Long.class);
    }
}

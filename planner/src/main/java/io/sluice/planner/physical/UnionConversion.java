package io.sluice.planner.physical;

import java.util.ArrayList;
import java.util.List;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code UNION ALL} as a {@link SluiceUnion}. An input whose columns differ in type from the
 * union's (beyond nullability) is cast to them first, so that every input's batches have the same
 * columns. {@code UNION} (distinct) arrives here already rewritten into an aggregation over
 * {@code UNION ALL}.
 */
final class UnionConversion {
    private final PhysicalConverter converter;

    UnionConversion(PhysicalConverter converter) {
        this.converter = converter;
    }

    SluiceRel convert(Union union) {
        if (!union.all) {
            throw SluiceException.internal("UNION is rewritten into an aggregation over UNION ALL before this", null);
        }
        RelDataType rowType = union.getRowType();
        RexBuilder rex = union.getCluster().getRexBuilder();
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : union.getInputs()) {
            SluiceRel converted = converter.convert(input);
            if (!sameTypes(converted.getRowType(), rowType)) {
                RexProgramBuilder cast = new RexProgramBuilder(converted.getRowType(), rex);
                for (int i = 0; i < rowType.getFieldCount(); i++) {
                    cast.addProject(rex.makeCast(rowType.getFieldList().get(i).getType(),
                            rex.makeInputRef(converted, i), true, false), rowType.getFieldNames().get(i));
                }
                converted = converter.calcOver(converted, cast.getProgram());
            }
            inputs.add(converted);
        }
        return new SluiceUnion(union.getCluster(), union.getTraitSet().replace(SluiceRel.CONVENTION), inputs);
    }

    private static boolean sameTypes(RelDataType input, RelDataType union) {
        for (int i = 0; i < union.getFieldCount(); i++) {
            if (!SqlTypeUtil.equalSansNullability(input.getFieldList().get(i).getType(),
                    union.getFieldList().get(i).getType())) {
                return false;
            }
        }
        return true;
    }
}

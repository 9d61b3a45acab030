package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator with Sluice's one streaming extension: the bounds of a window table
 * function are ascending (see {@link WindowTableNamespace}).
 */
public final class SluiceValidator extends SqlValidatorImpl {
    public SluiceValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
                           RelDataTypeFactory typeFactory, Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    @Override
    protected void registerNamespace(SqlValidatorScope usingScope, String alias, SqlValidatorNamespace ns,
                                     boolean forceNullable) {
        super.registerNamespace(usingScope, alias, isWindowFunction(ns.getNode()) ? new WindowTableNamespace(ns) : ns,
                forceNullable);
    }

    private static boolean isWindowFunction(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        if ((call.getKind() == SqlKind.COLLECTION_TABLE || call.getKind() == SqlKind.AS) && !call.getOperandList().isEmpty()) {
            return isWindowFunction(call.operand(0));
        }
        return call.getOperator() instanceof SqlWindowTableFunction;
    }
}

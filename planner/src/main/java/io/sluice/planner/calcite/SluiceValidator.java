package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.validate.SqlModality;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's validator with Sluice's streaming extensions: the bounds of a window table function
 * are ascending (see {@link WindowTableNamespace}), and an aggregation over a stream need not group
 * by an ascending expression. Calcite refuses {@code SELECT STREAM k, COUNT(*) FROM t GROUP BY k}
 * because its results would never be final; Sluice, as Flink, answers it with an updating result
 * (each group's row is retracted and replaced as it changes); for the same reason an {@code ORDER BY}
 * with a {@code LIMIT} over a stream need not start with an ascending expression (a Top-N).
 */
public final class SluiceValidator extends SqlValidatorImpl {
    /** The query whose modality is being checked, if it aggregates over a stream. */
    private @Nullable SqlSelect streamingAggregation;

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

    /**
     * Calcite's check of a streaming query's inputs and ORDER BY, without its demand for an
     * ascending GROUP BY key: while the query's modality is checked, its aggregation is not shown
     * to the check (the only place that asks for it with {@link #getAggregate} there). Nested
     * queries are checked from inside this call, so the query being checked is saved and restored.
     */
    @Override
    public boolean validateModality(SqlSelect select, SqlModality modality, boolean fail) {
        if (modality != SqlModality.STREAM) {
            return super.validateModality(select, modality, fail);
        }
        SqlSelect outer = streamingAggregation;
        streamingAggregation = select;
        // ORDER BY ... LIMIT over a stream is a Top-N of all rows, an updating result: Calcite's
        // demand that a streaming ORDER BY start with an ascending expression holds only without it.
        SqlNodeList order = select.getOrderList();
        boolean topN = order != null && !order.isEmpty() && select.getFetch() != null;
        if (topN) {
            select.setOrderBy(null);
        }
        try {
            return super.validateModality(select, modality, fail);
        } finally {
            streamingAggregation = outer;
            if (topN) {
                select.setOrderBy(order);
            }
        }
    }

    /** A call of an unknown function, or with a number of arguments none of its forms takes: 42883. */
    @Override
    public CalciteException handleUnresolvedFunction(SqlCall call, SqlOperator unresolvedFunction,
                                                     List<RelDataType> argTypes, @Nullable List<String> argNames) {
        throw UndefinedFunctionError.of(call, unresolvedFunction.getName(), argTypes);
    }

    /**
     * A function called with arguments of types none of its forms takes is 42883 too, with its
     * forms (Calcite says "Cannot apply"); so is a call whose types Calcite takes but Sluice
     * generates no code for (see {@link GeneratedArgumentTypes}).
     */
    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
        RelDataType type;
        try {
            type = super.deriveType(scope, expr);
        } catch (CalciteContextException e) {
            if (expr instanceof SqlCall call && call.getOperator() instanceof SqlFunction function
                    && e.getCause() != null && String.valueOf(e.getCause().getMessage()).startsWith("Cannot apply '")) {
                throw UndefinedFunctionError.of(call, function.getName(), operandTypes(call));
            }
            throw e;
        }
        if (expr instanceof SqlCall call && !GeneratedArgumentTypes.accepts(call, operandTypes(call))) {
            throw UndefinedFunctionError.of(call, call.getOperator().getName(), operandTypes(call));
        }
        return type;
    }

    private List<RelDataType> operandTypes(SqlCall call) {
        List<RelDataType> types = new java.util.ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            types.add(operand == null ? null : getValidatedNodeTypeIfKnown(operand));
        }
        return types;
    }

    /** Calcite's casts and Flink's casts of a BOOLEAN to a number (see {@link CastRules}). */
    @Override
    public SqlTypeMappingRule getTypeMappingRule() {
        return CastRules.INSTANCE;
    }

    @Override
    protected @Nullable SqlNode getAggregate(SqlSelect select) {
        return select == streamingAggregation ? null : super.getAggregate(select);
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

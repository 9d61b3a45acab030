package io.sluice.planner.calcite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.FilterRequirement;
import org.apache.calcite.sql.validate.SqlModality;
import org.apache.calcite.sql.validate.SqlMonotonicity;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.apache.calcite.util.Pair;

/**
 * The namespace of a window table function ({@code TABLE(TUMBLE(...))}) over a stream, which
 * declares its window bounds ascending. Calcite accepts a streaming aggregation only if it groups
 * by an ascending expression; windows over event time advance with the watermark, so grouping by
 * {@code window_start, window_end} is what streaming aggregation means in Sluice (and Flink).
 * Everything else is the function's own namespace.
 */
final class WindowTableNamespace implements SqlValidatorNamespace {
    static final Set<String> WINDOW_COLUMNS = Set.of("window_start", "window_end", "window_time");

    private final SqlValidatorNamespace delegate;

    WindowTableNamespace(SqlValidatorNamespace delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public SqlMonotonicity getMonotonicity(String columnName) {
        return WINDOW_COLUMNS.contains(columnName) ? SqlMonotonicity.INCREASING : delegate.getMonotonicity(columnName);
    }

    @Override
    public SqlValidatorNamespace resolve() {
        return this;
    }

    @Override
    public SqlValidator getValidator() {
        return delegate.getValidator();
    }

    @Override
    public SqlValidatorTable getTable() {
        return delegate.getTable();
    }

    @Override
    public RelDataType getRowType() {
        return delegate.getRowType();
    }

    @Override
    public RelDataType getType() {
        return delegate.getType();
    }

    @Override
    public void setType(RelDataType type) {
        delegate.setType(type);
    }

    @Override
    public RelDataType getRowTypeSansSystemColumns() {
        return delegate.getRowTypeSansSystemColumns();
    }

    @Override
    public void validate(RelDataType targetRowType) {
        delegate.validate(targetRowType);
    }

    @Override
    public SqlNode getNode() {
        return delegate.getNode();
    }

    @Override
    public SqlNode getEnclosingNode() {
        return delegate.getEnclosingNode();
    }

    @Override
    public SqlValidatorNamespace lookupChild(String name) {
        return delegate.lookupChild(name);
    }

    @Override
    public RelDataTypeField field(String name) {
        return delegate.field(name);
    }

    @Override
    public List<Pair<SqlNode, SqlMonotonicity>> getMonotonicExprs() {
        return delegate.getMonotonicExprs();
    }

    @Override
    public void makeNullable() {
        delegate.makeNullable();
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        return clazz.isInstance(this) ? clazz.cast(this) : delegate.unwrap(clazz);
    }

    @Override
    public boolean isWrapperFor(Class<?> clazz) {
        return clazz.isInstance(this) || delegate.isWrapperFor(clazz);
    }

    @Override
    public boolean supportsModality(SqlModality modality) {
        return delegate.supportsModality(modality);
    }

    @Override
    public FilterRequirement getFilterRequirement() {
        return delegate.getFilterRequirement();
    }
}

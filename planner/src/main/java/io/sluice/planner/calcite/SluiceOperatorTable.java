package io.sluice.planner.calcite;

import io.sluice.planner.window.WindowTableFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The operators SQL may call: Calcite's standard ones, with Flink's window table functions in
 * place of Calcite's ({@code TUMBLE, HOP, CUMULATE, SESSION} with {@code window_time}), Flink's
 * {@code FIRST_VALUE}/{@code LAST_VALUE} aggregates, Flink's {@code SUBSTR}, {@code PROCTIME()} and
 * {@code CURRENT_WATERMARK}, the regression statistics Calcite lacks, and
 * Flink's scalar functions ({@link FlinkFunctions}). Function names match without
 * regard to case, as built-in names do everywhere, while other identifiers are case-sensitive.
 */
public final class SluiceOperatorTable implements SqlOperatorTable {
    /** Standard operators Sluice replaces with its own of the same name. */
    private static final Set<SqlOperator> REPLACED = union(Set.of(SqlStdOperatorTable.TUMBLE, SqlStdOperatorTable.HOP,
            SqlStdOperatorTable.SESSION, SqlStdOperatorTable.FIRST_VALUE, SqlStdOperatorTable.LAST_VALUE),
            FlinkFunctions.REPLACED);

    private final SqlOperatorTable standard = SqlStdOperatorTable.instance();
    private final SqlOperatorTable extensions = SqlOperatorTables.chain(SqlOperatorTables.of(
            WindowTableFunction.tumble(), WindowTableFunction.hop(), WindowTableFunction.cumulate(),
            WindowTableFunction.session(), FirstLastValueFunction.FIRST_VALUE, FirstLastValueFunction.LAST_VALUE,
            RegressionFunction.CORR, RegressionFunction.REGR_SLOPE, RegressionFunction.REGR_INTERCEPT,
            SubstrFunction.SUBSTR, ProctimeFunction.PROCTIME,
            CurrentWatermarkFunction.CURRENT_WATERMARK), SqlOperatorTables.of(FlinkFunctions.ALL));

    private static Set<SqlOperator> union(Set<SqlOperator> a, java.util.Collection<SqlOperator> b) {
        Set<SqlOperator> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    public static SqlOperatorTable create() {
        return new SluiceOperatorTable();
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        standard.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        operatorList.removeAll(REPLACED);
        extensions.lookupOperatorOverloads(opName, category, syntax, operatorList,
                SqlNameMatchers.withCaseSensitive(false));
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> operators = new ArrayList<>(standard.getOperatorList());
        operators.removeAll(REPLACED);
        operators.addAll(extensions.getOperatorList());
        return operators;
    }
}

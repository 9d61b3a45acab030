package io.sluice.planner.codegen;

import io.sluice.planner.calcite.FunctionCatalog;
import io.sluice.planner.calcite.SluiceOperatorTable;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;

/**
 * The scalar functions a query can call, as JDBC's {@code DatabaseMetaData} lists them: the
 * functions of the operator table that run ({@link FunctionCatalog}), grouped
 * by Calcite's category of each. A function added to either appears here.
 */
public final class ScalarFunctions {
    /** JDBC's groups of functions. */
    public enum Group { STRING, NUMERIC, TIME_DATE, SYSTEM }

    private ScalarFunctions() {
    }

    /** The names of the group's functions, sorted. */
    public static List<String> names(Group group) {
        SortedSet<String> names = new TreeSet<>();
        for (SqlOperator operator : SluiceOperatorTable.create().getOperatorList()) {
            if (operator instanceof SqlFunction function && isScalar(function)
                    && group(function.getFunctionType()) == group && function.getName().matches("[A-Z_0-9]+")) {
                names.add(function.getName());
            }
        }
        return List.copyOf(names);
    }

    /** A scalar function Sluice runs, as SHOW FUNCTIONS lists it (compiled, or rewritten into one that is). */
    private static boolean isScalar(SqlFunction function) {
        FunctionCatalog.Function listed = FunctionCatalog.find(function.getName());
        return listed != null && listed.kind().equals("SCALAR");
    }

    private static Group group(SqlFunctionCategory category) {
        return switch (category) {
            case STRING -> Group.STRING;
            case NUMERIC -> Group.NUMERIC;
            case TIMEDATE -> Group.TIME_DATE;
            default -> Group.SYSTEM;
        };
    }
}

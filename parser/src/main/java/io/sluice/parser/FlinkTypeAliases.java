package io.sluice.parser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's names of types that Calcite's grammar lacks, where a query writes a type
 * ({@code CAST(x AS STRING)}, {@code CAST(b AS BYTES)}): Calcite parses them as user-defined
 * types, which this replaces in place by the built-in types they stand for, whatever their case.
 */
final class FlinkTypeAliases {
    private static final Map<String, SqlTypeName> ALIASES = Map.of(
            "STRING", SqlTypeName.VARCHAR,
            "BYTES", SqlTypeName.VARBINARY);

    private FlinkTypeAliases() {
    }

    /** Replaces the Flink type names under {@code root}, without recursion (a query may nest deeply). */
    static void resolve(SqlNode root) {
        Deque<SqlNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            SqlNode node = pending.pop();
            if (node instanceof SqlNodeList list) {
                for (int i = 0; i < list.size(); i++) {
                    SqlNode child = list.get(i);
                    SqlDataTypeSpec resolved = resolved(child);
                    if (resolved != null) {
                        list.set(i, resolved);
                    } else if (child != null) {
                        pending.push(child);
                    }
                }
            } else if (node instanceof SqlCall call) {
                List<SqlNode> operands = call.getOperandList();
                for (int i = 0; i < operands.size(); i++) {
                    SqlNode child = operands.get(i);
                    SqlDataTypeSpec resolved = resolved(child);
                    if (resolved != null) {
                        call.setOperand(i, resolved);
                    } else if (child != null) {
                        pending.push(child);
                    }
                }
            }
        }
    }

    /** The built-in type a Flink type name stands for, or null when the node is no such name. */
    private static SqlDataTypeSpec resolved(SqlNode node) {
        if (!(node instanceof SqlDataTypeSpec spec)
                || !(spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named)
                || !named.getTypeName().isSimple()) {
            return null;
        }
        SqlTypeName type = ALIASES.get(named.getTypeName().getSimple().toUpperCase(Locale.ROOT));
        if (type == null) {
            return null;
        }
        SqlDataTypeSpec resolved = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, named.getParserPos()),
                spec.getTimeZone(), spec.getParserPosition());
        return spec.getNullable() == null ? resolved : resolved.withNullable(spec.getNullable());
    }
}

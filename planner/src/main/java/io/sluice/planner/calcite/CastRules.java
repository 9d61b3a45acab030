package io.sluice.planner.calcite;

import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Which types CAST may convert between: Calcite's rules, and as in Flink a BOOLEAN into any
 * number ({@code CAST(TRUE AS INT)} is 1, FALSE is 0). Calcite allows that only in its lenient
 * mode, which would also let timestamps become numbers.
 */
final class CastRules {
    static final SqlTypeCoercionRule INSTANCE = create();

    private CastRules() {
    }

    private static SqlTypeCoercionRule create() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> rules = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        for (SqlTypeName number : SqlTypeName.NUMERIC_TYPES) {
            ImmutableSet<SqlTypeName> sources = rules.getOrDefault(number, ImmutableSet.of());
            rules.put(number, ImmutableSet.<SqlTypeName>builder().addAll(sources).add(SqlTypeName.BOOLEAN).build());
        }
        return SqlTypeCoercionRule.instance(rules);
    }
}

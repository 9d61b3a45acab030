package io.sluice.planner.codegen;

import io.sluice.runtime.memory.HeapSize;

/**
 * One accumulator value of any type with a flag that says whether it was set: primitives in a
 * long or double field (booleans as 0/1), everything else in an object field. Shared by the
 * accumulators that keep one value of their argument (MIN, MAX, FIRST_VALUE, LAST_VALUE).
 */
final class ValueField {
    private final String javaType;
    private final String field;
    private final String seen;

    ValueField(StateFields fields, String javaType) {
        this.javaType = javaType;
        this.field = switch (javaType) {
            case "boolean", "int", "long" -> AccumulatorCode.l(fields.addLong());
            case "float", "double" -> AccumulatorCode.d(fields.addDouble());
            default -> AccumulatorCode.o(fields.addObject());
        };
        this.seen = AccumulatorCode.f(fields.addFlag());
    }

    /** The field's element for group {@code g}, with the state's prefix ({@code t}, {@code s} or none). */
    String at(String prefix, String g) {
        return prefix + field + "[" + g + "]";
    }

    /** Whether group {@code g} has a value. */
    String isSet(String prefix, String g) {
        return prefix + seen + "[" + g + "]";
    }

    /** The stored value of group {@code g}, in the argument's Java type. */
    String read(String prefix, String g) {
        return switch (javaType) {
            case "boolean" -> "(" + at(prefix, g) + " != 0)";
            case "int" -> "((int) " + at(prefix, g) + ")";
            case "float" -> "((float) " + at(prefix, g) + ")";
            case "long", "double" -> at(prefix, g);
            default -> "((" + javaType + ") " + at(prefix, g) + ")";
        };
    }

    /**
     * Statements storing {@code value} (of the argument's Java type) as group {@code g}'s, and
     * marking it set. A string's size is charged to the group in place of the one it replaces
     * (only the state being added to or merged into is stored into: prefix none or {@code t}).
     */
    String store(String prefix, String g, String value) {
        String converted = javaType.equals("boolean") ? "(" + value + " ? 1L : 0L)" : value;
        String store = at(prefix, g) + " = " + converted + ";\n" + isSet(prefix, g) + " = true;\n";
        if (!javaType.equals(JavaTypes.STRING)) {
            return store;
        }
        String state = prefix.isEmpty() ? "state" : "target";
        String heapSize = HeapSize.class.getName();
        return "{\nfinal Object replaced = " + at(prefix, g) + ";\n" + store + state + ".hold(" + g + ", " + heapSize
                + ".of(" + at(prefix, g) + ") - " + heapSize + ".of(replaced));\n}\n";
    }
}

package io.sluice.planner.codegen;

import io.sluice.runtime.function.Decimals;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The input columns one loop of a kernel reads. Each column used is read once per row, at the
 * top of the loop body, straight from the Arrow buffers whose addresses are taken once per batch.
 * A string column that is only copied to the output is not read as a value: its strings are
 * copied from vector to vector ({@link #copied}).
 */
final class InputColumns {
    private final RelDataType rowType;
    private final String root;
    private final String row;
    private final Map<Integer, GeneratedExpression> used = new TreeMap<>();
    private final Set<Integer> copied = new TreeSet<>();

    /**
     * @param root the variable holding the input batch
     * @param row  the variable holding the current row index
     */
    InputColumns(RelDataType rowType, String root, String row) {
        this.rowType = rowType;
        this.root = root;
        this.row = row;
    }

    GeneratedExpression read(int index) {
        return used.computeIfAbsent(index, i -> {
            RelDataType type = rowType.getFieldList().get(i).getType();
            String isNull = type.isNullable() ? "in" + i + "_null" : "false";
            if (isLongDecimal(type)) {
                String unscaled = "in" + i + "_unscaled";
                return new GeneratedExpression("", "java.math.BigDecimal.valueOf(" + unscaled + ", " + type.getScale() + ")",
                        isNull, type, unscaled);
            }
            return new GeneratedExpression("", "in" + i, isNull, type);
        });
    }

    /**
     * A DECIMAL of at most 18 digits, read as the low long of its 128 bits: its unscaled value,
     * made a BigDecimal only where an expression needs one.
     */
    private static boolean isLongDecimal(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() <= Decimals.LONG_DIGITS;
    }

    /**
     * A string column whose strings are copied as they are, by one call per batch: the variable
     * holding its vector ({@code in3_vec}), declared once per batch.
     */
    String copied(int index) {
        copied.add(index);
        return "in" + index + "_vec";
    }

    /** Declarations run once per batch: the buffer addresses of every column read. */
    String batchPrologue() {
        StringBuilder code = new StringBuilder();
        Set<Integer> columns = new TreeSet<>(used.keySet());
        columns.addAll(copied);
        for (int i : columns) {
            RelDataTypeField field = rowType.getFieldList().get(i);
            String vector = root + ".getVector(" + i + ")";
            code.append("        final org.apache.arrow.vector.FieldVector in").append(i).append("_vec = ")
                    .append(vector).append(";\n");
            if (!used.containsKey(i)) {
                continue;
            }
            if (field.getType().isNullable()) {
                code.append("        final long in").append(i).append("_valid = in").append(i)
                        .append("_vec.getValidityBufferAddress();\n");
            }
            String javaType = JavaTypes.of(field.getType());
            if (!javaType.equals(JavaTypes.DECIMAL) || isLongDecimal(field.getType())) {
                code.append("        final long in").append(i).append("_data = in").append(i)
                        .append("_vec.getDataBufferAddress();\n");
            }
            if (javaType.equals(JavaTypes.STRING)) {
                code.append("        final long in").append(i).append("_offsets = in").append(i)
                        .append("_vec.getOffsetBufferAddress();\n");
            }
        }
        return code.toString();
    }

    /** Statements at the top of the loop body that read each used column of the current row. */
    String rowReads() {
        StringBuilder code = new StringBuilder();
        for (Map.Entry<Integer, GeneratedExpression> entry : used.entrySet()) {
            int i = entry.getKey();
            GeneratedExpression column = entry.getValue();
            String name = "in" + i;
            if (column.nullable()) {
                code.append("            final boolean ").append(name).append("_null = !Vectors.isValid(")
                        .append(name).append("_valid, ").append(row).append(");\n");
            }
            if (column.unscaled() != null) {
                code.append("            final long ").append(column.unscaled()).append(" = Vectors.getDecimalUnscaled(")
                        .append(name).append("_data, ").append(row).append(");\n");
                continue;
            }
            code.append("            final ").append(column.javaType()).append(' ').append(name).append(" = ")
                    .append(readValue(column, name)).append(";\n");
        }
        return code.toString();
    }

    private String readValue(GeneratedExpression column, String name) {
        String data = name + "_data";
        String guard = column.nullable() ? name + "_null ? null : " : "";
        return switch (column.type().getSqlTypeName()) {
            case BOOLEAN -> "Vectors.getBit(" + data + ", " + row + ")";
            case TINYINT -> "MemoryUtil.getByte(" + data + " + " + row + ")";
            case SMALLINT -> "MemoryUtil.getShort(" + data + " + ((long) " + row + " << 1))";
            case FLOAT, REAL -> "Float.intBitsToFloat(MemoryUtil.getInt(" + data + " + ((long) " + row + " << 2)))";
            case DOUBLE -> "Double.longBitsToDouble(MemoryUtil.getLong(" + data + " + ((long) " + row + " << 3)))";
            case DECIMAL -> guard + "((org.apache.arrow.vector.DecimalVector) " + name + "_vec).getObject(" + row + ")";
            case CHAR, VARCHAR -> guard + "Vectors.readString(" + name + "_offsets, " + data + ", " + row + ")";
            default -> column.javaType().equals("int")
                    ? "MemoryUtil.getInt(" + data + " + ((long) " + row + " << 2))"
                    : "MemoryUtil.getLong(" + data + " + ((long) " + row + " << 3))";
        };
    }
}

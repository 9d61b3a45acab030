package io.sluice.planner.codegen;

import org.apache.calcite.rel.type.RelDataType;

/**
 * Writing one output column of a projection: fixed-width values by address into buffers sized
 * once per batch (decimals too when held as unscaled longs), strings and other decimals through
 * the vector. A column that is never null has its
 * validity set for the whole batch at once.
 */
final class OutputColumn {
    private final int index;
    private final RelDataType type;
    private final boolean nullable;
    private final String name;

    OutputColumn(int index, RelDataType type, boolean nullable) {
        this.index = index;
        this.type = type;
        this.nullable = nullable;
        this.name = "out" + index;
    }

    String batchPrologue() {
        String javaType = JavaTypes.of(type);
        String vector = "output.getVector(" + index + ")";
        if (javaType.equals(JavaTypes.STRING)) {
            return "        final org.apache.arrow.vector.VarCharVector " + name + " = (org.apache.arrow.vector.VarCharVector) "
                    + vector + ";\n        " + name + ".setLastSet(-1);\n";
        }
        StringBuilder code = new StringBuilder();
        if (javaType.equals(JavaTypes.DECIMAL)) {
            code.append("        final org.apache.arrow.vector.DecimalVector ").append(name)
                    .append(" = (org.apache.arrow.vector.DecimalVector) ").append(vector).append(";\n");
            code.append("        final org.apache.arrow.vector.BaseFixedWidthVector ").append(name).append("_vec = ")
                    .append(name).append(";\n");
        } else {
            code.append("        final org.apache.arrow.vector.BaseFixedWidthVector ").append(name)
                    .append("_vec = (org.apache.arrow.vector.BaseFixedWidthVector) ").append(vector).append(";\n");
        }
        code.append("        Vectors.ensureCapacity(").append(name).append("_vec, count);\n");
        code.append("        final long ").append(name).append("_data = ").append(name).append("_vec.getDataBufferAddress();\n");
        code.append("        final long ").append(name).append("_valid = ").append(name)
                .append("_vec.getValidityBufferAddress();\n");
        if (!nullable) {
            code.append("        Vectors.setAllValid(").append(name).append("_valid, count);\n");
        }
        return code.toString();
    }

    /** Statements that store the value (already of this column's type) at output row {@code j}. */
    String write(GeneratedExpression value) {
        String javaType = JavaTypes.of(type);
        if (javaType.equals(JavaTypes.STRING)) {
            String store = "Vectors.setString(" + name + ", j, " + value.value() + ");\n";
            return value.nullable()
                    ? "if (" + value.isNull() + ") {\n    " + name + ".setNull(j);\n} else {\n    " + store + "}\n"
                    : store;
        }
        String store = javaType.equals(JavaTypes.DECIMAL) ? putDecimal(value) : put(value.value());
        if (!value.nullable()) {
            return store;
        }
        return "if (" + value.isNull() + ") {\n    Vectors.setNull(" + name + "_valid, j);\n} else {\n"
                + "    Vectors.setValid(" + name + "_valid, j);\n    " + store + "}\n";
    }

    /**
     * The statement, run once after the row loop, that copies the strings of input column
     * {@code input} (the vector {@link InputColumns#copied} gave) at the selected rows into this
     * column.
     */
    String copyAll(String inputVector) {
        return "        Vectors.copyStrings((org.apache.arrow.vector.BaseVariableWidthVector) " + inputVector
                + ", selection, count, " + name + ");\n";
    }

    /**
     * A decimal held as an unscaled long is stored by address; one that is not (in this row or
     * at all) through the vector, which has room for the batch already.
     */
    private String putDecimal(GeneratedExpression value) {
        String set = "Vectors.setDecimal(" + name + ", j, " + value.value() + ");\n";
        if (value.unscaled() == null) {
            return set;
        }
        return "if (" + value.unscaled() + " != Decimals.NO_LONG) {\n    Vectors.putDecimal(" + name + "_data, j, "
                + value.unscaled() + ");\n} else {\n    " + set + "}\n";
    }

    private String put(String value) {
        String data = name + "_data";
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "Vectors.putBit(" + data + ", j, " + value + ");\n";
            case TINYINT -> "MemoryUtil.putByte(" + data + " + j, (byte) " + value + ");\n";
            case SMALLINT -> "MemoryUtil.putShort(" + data + " + ((long) j << 1), (short) " + value + ");\n";
            case FLOAT, REAL -> "MemoryUtil.putInt(" + data + " + ((long) j << 2), Float.floatToRawIntBits(" + value + "));\n";
            case DOUBLE -> "MemoryUtil.putLong(" + data + " + ((long) j << 3), Double.doubleToRawLongBits(" + value + "));\n";
            default -> JavaTypes.of(type).equals("int")
                    ? "MemoryUtil.putInt(" + data + " + ((long) j << 2), " + value + ");\n"
                    : "MemoryUtil.putLong(" + data + " + ((long) j << 3), " + value + ");\n";
        };
    }
}

package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one generated class accumulates while its expressions are generated: fresh variable
 * names, the objects the class refers to through its references array (constants that are not
 * written into the source), each given a typed final field, and the values computed once per
 * batch.
 */
final class CodeGenContext {
    private final List<Object> references = new ArrayList<>();
    private final StringBuilder fields = new StringBuilder();
    private final StringBuilder fieldInitializers = new StringBuilder();
    private final Map<String, String> batchValues = new LinkedHashMap<>();
    private final Map<String, String> methodBatchValues = new LinkedHashMap<>();
    private boolean batchPrologues;
    private int nextName;

    String newName(String prefix) {
        return prefix + nextName++;
    }

    /** Adds an object to the references and returns the name of the field that holds it. */
    String reference(Object value, String javaType) {
        int index = references.size();
        references.add(value);
        String field = "ref" + index;
        fields.append("    private final ").append(javaType).append(' ').append(field).append(";\n");
        fieldInitializers.append("        this.").append(field).append(" = (").append(javaType)
                .append(") references[").append(index).append("];\n");
        return field;
    }

    /**
     * A field each instance of the class makes for itself when it is made, such as a random
     * number generator (each task's kernel then draws from its own): the field's name.
     */
    String member(String javaType, String initializer) {
        String field = newName("member");
        fields.append("    private final ").append(javaType).append(' ').append(field).append(";\n");
        fieldInitializers.append("        this.").append(field).append(" = ").append(initializer).append(";\n");
        return field;
    }

    /**
     * A value the kernel computes once per batch, before its loop (such as the current time, so
     * that the clock is not called for every row): the name of the variable that holds it. A
     * kernel whose methods do not declare batch values (see {@link #beginMethod()}) gets the
     * expression itself, computed where it is used.
     */
    String batchValue(String javaType, String expression) {
        if (!batchPrologues) {
            return "(" + expression + ")";
        }
        String name = batchValues.computeIfAbsent(expression, e -> newName("batch"));
        methodBatchValues.put(name, "        final " + javaType + " " + name + " = " + expression + ";\n");
        return name;
    }

    /**
     * Starts the code of another kernel method, which then declares the batch values it uses,
     * and only those, with {@link #batchPrologue()} at its top.
     */
    void beginMethod() {
        batchPrologues = true;
        methodBatchValues.clear();
    }

    /** The declarations of the batch values the current method uses, for its top. */
    String batchPrologue() {
        return String.join("", methodBatchValues.values());
    }

    List<Object> references() {
        return List.copyOf(references);
    }

    String fields() {
        return fields.toString();
    }

    String fieldInitializers() {
        return fieldInitializers.toString();
    }
}

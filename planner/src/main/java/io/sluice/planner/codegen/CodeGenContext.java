package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * What one generated class accumulates while its expressions are generated: fresh variable
 * names, and the objects the class refers to through its references array (constants that are
 * not written into the source), each given a typed final field.
 */
final class CodeGenContext {
    private final List<Object> references = new ArrayList<>();
    private final StringBuilder fields = new StringBuilder();
    private final StringBuilder fieldInitializers = new StringBuilder();
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

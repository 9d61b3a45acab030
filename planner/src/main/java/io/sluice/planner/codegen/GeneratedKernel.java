package io.sluice.planner.codegen;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The source of one generated class and the objects it refers to by index.
 *
 * @param className  the class's fully qualified name
 * @param source     the whole compilation unit
 * @param references the objects behind its reference fields, in index order
 */
public record GeneratedKernel(String className, String source, List<Object> references) {
    public GeneratedKernel {
        requireNonNull(className, "className is null");
        requireNonNull(source, "source is null");
        references = List.copyOf(references);
    }
}

package io.sluice.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeGenContextTest {
    @Test
    void batchValuesAreDeclaredByEachMethodThatUsesThem() {
        CodeGenContext context = new CodeGenContext();
        context.beginMethod();
        String now = context.batchValue("long", "clock.millis()");
        assertEquals(now, context.batchValue("long", "clock.millis()"));
        assertEquals("        final long " + now + " = clock.millis();\n", context.batchPrologue());
        context.beginMethod();
        assertEquals("", context.batchPrologue());
        assertEquals(now, context.batchValue("long", "clock.millis()"));
        assertEquals("        final long " + now + " = clock.millis();\n", context.batchPrologue());
    }

    @Test
    void withoutMethodProloguesABatchValueIsComputedWhereItIsUsed() {
        CodeGenContext context = new CodeGenContext();
        assertEquals("(clock.millis())", context.batchValue("long", "clock.millis()"));
        assertEquals("", context.batchPrologue());
    }

    @Test
    void referencesGetTypedFields() {
        CodeGenContext context = new CodeGenContext();
        assertEquals("ref0", context.reference("abc", "String"));
        assertEquals("ref1", context.reference(BigDecimal.ONE, "java.math.BigDecimal"));
        assertEquals(List.of("abc", BigDecimal.ONE), context.references());
        assertEquals("    private final String ref0;\n    private final java.math.BigDecimal ref1;\n", context.fields());
        assertEquals("        this.ref0 = (String) references[0];\n"
                + "        this.ref1 = (java.math.BigDecimal) references[1];\n", context.fieldInitializers());
    }
}

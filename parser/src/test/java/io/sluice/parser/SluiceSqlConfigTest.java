package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;
import org.junit.jupiter.api.Test;

class SluiceSqlConfigTest {
    @Test
    void identifiersAreCaseSensitiveKeptAsWrittenAndBackquoted() {
        SqlParser.Config config = SluiceSqlConfig.parserConfig();

        assertEquals(Quoting.BACK_TICK, config.quoting());
        assertEquals(Casing.UNCHANGED, config.unquotedCasing());
        assertEquals(Casing.UNCHANGED, config.quotedCasing());
        assertTrue(config.caseSensitive());
    }

    @Test
    void conformanceAcceptsFlinkIsms() {
        SqlConformance conformance = SluiceSqlConfig.conformance();

        assertTrue(conformance.isPercentRemainderAllowed());
        assertTrue(conformance.isBangEqualAllowed());
        assertTrue(conformance.isSortByOrdinal());
        assertFalse(conformance.isGroupByAlias());
        assertFalse(conformance.isGroupByOrdinal());
        assertEquals(conformance, SluiceSqlConfig.parserConfig().conformance());
    }
}

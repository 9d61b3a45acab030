package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.calcite.SluiceOperatorTable;
import io.sluice.planner.calcite.SluiceSchema;
import io.sluice.planner.calcite.SluiceTypeCoercion;
import io.sluice.planner.calcite.SluiceValidator;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.type.SluiceTypeSystem;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * What planning shares across the queries of one engine: the catalog, the type factory, the
 * operators SQL may call, the SQL conformance, and the kernel compiler with its cache.
 */
public final class SqlEnvironment {
    private final Catalog catalog;
    private final KernelCompiler compiler;
    private final SqlConformance conformance;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final SqlOperatorTable operators = SluiceOperatorTable.create();
    private final CalciteConnectionConfig connectionConfig;

    public SqlEnvironment(Catalog catalog, KernelCompiler compiler, SqlConformance conformance) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.compiler = requireNonNull(compiler, "compiler is null");
        this.conformance = requireNonNull(conformance, "conformance is null");
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        this.connectionConfig = new CalciteConnectionConfigImpl(properties);
    }

    public Catalog catalog() {
        return catalog;
    }

    public KernelCompiler compiler() {
        return compiler;
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    /** A reader over the catalog as it is now, its tables read as streams or as relations. */
    public CalciteCatalogReader catalogReader(boolean streams) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new SluiceSchema(catalog, streams));
        return new CalciteCatalogReader(root, List.of(), typeFactory, connectionConfig);
    }

    public SqlValidator validator(CalciteCatalogReader catalogReader) {
        return new SluiceValidator(operators, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(conformance).withIdentifierExpansion(true)
                        .withTypeCoercionFactory(SluiceTypeCoercion::new));
    }
}

package io.sluice.engine.jdbc;

import java.util.List;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The part of Avatica's {@code Meta} that its wire protocol never calls. Avatica has requests for
 * tables, columns, schemas, catalogs, table types and type info only; the rest of JDBC's metadata
 * (keys, indexes, privileges, procedures, ...) is answered by the driver itself, and rows are
 * iterated by the driver. A server-side {@code Meta} that serves the protocol leaves these here.
 */
abstract class ProtocolOnlyMeta implements ProtobufMeta {
    private static UnsupportedOperationException notOnTheWire(String what) {
        return new UnsupportedOperationException(what + " is answered by the JDBC driver; Avatica's protocol never asks the server");
    }

    @Override
    public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat procedureNamePattern) {
        throw notOnTheWire("getProcedures");
    }

    @Override
    public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                             Pat procedureNamePattern, Pat columnNamePattern) {
        throw notOnTheWire("getProcedureColumns");
    }

    @Override
    public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema, String table,
                                             Pat columnNamePattern) {
        throw notOnTheWire("getColumnPrivileges");
    }

    @Override
    public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
        throw notOnTheWire("getTablePrivileges");
    }

    @Override
    public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema, String table, int scope,
                                              boolean nullable) {
        throw notOnTheWire("getBestRowIdentifier");
    }

    @Override
    public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema, String table) {
        throw notOnTheWire("getVersionColumns");
    }

    @Override
    public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        throw notOnTheWire("getPrimaryKeys");
    }

    @Override
    public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        throw notOnTheWire("getImportedKeys");
    }

    @Override
    public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        throw notOnTheWire("getExportedKeys");
    }

    @Override
    public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
                                           String parentTable, String foreignCatalog, String foreignSchema,
                                           String foreignTable) {
        throw notOnTheWire("getCrossReference");
    }

    @Override
    public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table, boolean unique,
                                      boolean approximate) {
        throw notOnTheWire("getIndexInfo");
    }

    @Override
    public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern, int[] types) {
        throw notOnTheWire("getUDTs");
    }

    @Override
    public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern) {
        throw notOnTheWire("getSuperTypes");
    }

    @Override
    public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
        throw notOnTheWire("getSuperTables");
    }

    @Override
    public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern,
                                       Pat attributeNamePattern) {
        throw notOnTheWire("getAttributes");
    }

    @Override
    public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
        throw notOnTheWire("getClientInfoProperties");
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
        throw notOnTheWire("getFunctions");
    }

    @Override
    public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                            Pat functionNamePattern, Pat columnNamePattern) {
        throw notOnTheWire("getFunctionColumns");
    }

    @Override
    public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                          Pat columnNamePattern) {
        throw notOnTheWire("getPseudoColumns");
    }

    @Override
    public Iterable<Object> createIterable(StatementHandle stmt, QueryState state, Signature signature,
                                           List<TypedValue> parameterValues, Frame firstFrame) {
        throw notOnTheWire("createIterable");
    }
}

package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * What a tool learns about Sluice. Streams, tables and views are listed without a catalog or a
 * schema (TABLE_TYPE {@code STREAM}, {@code TABLE} or {@code VIEW}); keys and indexes are empty.
 * Every method answers or throws a SQLException with a SQLState.
 */
final class SluiceDatabaseMetaData extends AvaticaDatabaseMetaData {
    private final SluiceConnection sluice;

    SluiceDatabaseMetaData(SluiceConnection connection) {
        super(connection);
        this.sluice = connection;
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return sluice.engineVersion();
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    /** Results are read-only and forward-only: no change to them is made, so none is seen or detected. */
    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    /** Without transactions no commit closes a result set: either holdability holds. */
    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT || holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return SqlErrors.call(() -> super.getTables(catalog, schemaPattern, tableNamePattern, types));
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return SqlErrors.call(() -> super.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return SqlErrors.call(super::getSchemas);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return SqlErrors.call(() -> super.getSchemas(catalog, schemaPattern));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return SqlErrors.call(super::getCatalogs);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return SqlErrors.call(super::getTableTypes);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return SqlErrors.call(super::getTypeInfo);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return SqlErrors.call(() -> super.getPrimaryKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return SqlErrors.call(() -> super.getImportedKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return SqlErrors.call(() -> super.getExportedKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return SqlErrors.call(() -> super.getIndexInfo(catalog, schema, table, unique, approximate));
    }
}

package io.sluice.planner.view;

import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.Query;
import io.sluice.planner.calcite.Modality;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces each view named where a query reads a table (in FROM, in a join, or as the table of a
 * window function) by its query, as a subquery named like the view. Views inside views expand
 * too. Done on the query's syntax before validation, so a view is planned with the query that
 * reads it: a view over a stream read with {@code SELECT STREAM} is a stream.
 */
public final class ViewExpansion extends SqlShuttle {
    private final Catalog catalog;
    private final StatementParser parser = new StatementParser();

    private ViewExpansion(Catalog catalog) {
        this.catalog = catalog;
    }

    public static SqlNode expand(SqlNode query, Catalog catalog) {
        return query.accept(new ViewExpansion(catalog));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select && select.getFrom() != null) {
            select.setFrom(from(select.getFrom()));
        } else if (visited instanceof SqlCall table && table.getKind() == SqlKind.COLLECTION_TABLE
                && table.operand(0) instanceof SqlCall function) {
            for (int i = 0; i < function.operandCount(); i++) {
                SqlNode operand = function.operand(i);
                if (operand.getKind() == SqlKind.EXPLICIT_TABLE && ((SqlCall) operand).operand(0) instanceof SqlIdentifier name) {
                    SqlNode view = view(name);
                    if (view != null) {
                        function.setOperand(i, view);
                    }
                }
            }
        }
        return visited;
    }

    /** A FROM item with the views it names expanded. */
    private SqlNode from(SqlNode from) {
        if (from instanceof SqlIdentifier name) {
            SqlNode view = view(name);
            return view == null ? from : named(view, name.names.get(name.names.size() - 1), name);
        }
        if (from instanceof SqlJoin join) {
            join.setLeft(from(join.getLeft()));
            join.setRight(from(join.getRight()));
            return join;
        }
        if (from.getKind() == SqlKind.AS && from instanceof SqlBasicCall as && as.operand(0) instanceof SqlIdentifier name) {
            SqlNode view = view(name);
            if (view != null) {
                as.setOperand(0, view);
            }
        }
        return from;
    }

    /** The expanded query of the view an identifier names, or null if it names no view. */
    private SqlNode view(SqlIdentifier name) {
        if (!name.isSimple()) {
            return null;
        }
        CatalogEntry entry = catalog.find(name.getSimple()).orElse(null);
        if (!(entry instanceof CatalogView view)) {
            return null;
        }
        SqlNode query = ((Query) parser.parse(view.query())).query();
        return query.accept(this);
    }

    /** {@code (query) AS name}. */
    private static SqlNode named(SqlNode query, String name, SqlNode at) {
        SqlParserPos pos = at.getParserPosition();
        return SqlStdOperatorTable.AS.createCall(pos, query, new SqlIdentifier(name, pos));
    }

    /**
     * The query a view stands for, as text: its query, renaming its columns when the view names
     * them ({@code CREATE VIEW v (a, b) AS ...}).
     */
    public static String definition(String name, List<String> columns, Query query) {
        if (Modality.isStream(query.query())) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "a view is defined without STREAM; read it with "
                    + "SELECT STREAM ... FROM the view to follow it as a stream", query.position().line(),
                    query.position().column(), null);
        }
        if (columns.isEmpty()) {
            return query.text();
        }
        return "SELECT * FROM (" + query.text() + ") AS `" + name.replace("`", "``") + "` ("
                + String.join(", ", columns.stream().map(c -> "`" + c.replace("`", "``") + "`").toList()) + ")";
    }
}

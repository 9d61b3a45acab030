package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.SluiceStatementParser.CreateTableStatementContext;
import io.sluice.parser.SluiceStatementParser.CreateViewStatementContext;
import io.sluice.parser.SluiceStatementParser.DescribeStatementContext;
import io.sluice.parser.SluiceStatementParser.DropStatementContext;
import io.sluice.parser.SluiceStatementParser.ExplainStatementContext;
import io.sluice.parser.SluiceStatementParser.IdentifierContext;
import io.sluice.parser.SluiceStatementParser.IdentifierListContext;
import io.sluice.parser.SluiceStatementParser.InsertIntoContext;
import io.sluice.parser.SluiceStatementParser.InsertMemberContext;
import io.sluice.parser.SluiceStatementParser.InsertOverwriteContext;
import io.sluice.parser.SluiceStatementParser.OptionTextContext;
import io.sluice.parser.SluiceStatementParser.OptionWordContext;
import io.sluice.parser.SluiceStatementParser.OtherMemberContext;
import io.sluice.parser.SluiceStatementParser.QueryContext;
import io.sluice.parser.SluiceStatementParser.ResetStatementContext;
import io.sluice.parser.SluiceStatementParser.SetStatementContext;
import io.sluice.parser.SluiceStatementParser.ShowStatementContext;
import io.sluice.parser.SluiceStatementParser.SingleStatementContext;
import io.sluice.parser.SluiceStatementParser.StatementContext;
import io.sluice.parser.SluiceStatementParser.StatementSetContext;
import io.sluice.parser.SluiceStatementParser.StatementSetMemberContext;
import io.sluice.parser.SluiceStatementParser.StopJobStatementContext;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DescribeFunction;
import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.ExplainAnalyze;
import io.sluice.parser.ast.Insert;
import io.sluice.parser.ast.ListOptions;
import io.sluice.parser.ast.ObjectKind;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import io.sluice.parser.ast.ShowKind;
import io.sluice.parser.ast.Statement;
import io.sluice.parser.ast.StatementSet;
import io.sluice.parser.ast.StopJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into a {@link Statement}, one method per statement form. Query bodies and
 * expressions go to Calcite; {@code CREATE STREAM|TABLE} has a builder of its own.
 */
final class AstBuilder extends SluiceStatementBaseVisitor<Statement> {
    private final StatementSource source;
    private final TableDefinitionBuilder tables;

    AstBuilder(StatementSource source) {
        this.source = requireNonNull(source, "source is null");
        this.tables = new TableDefinitionBuilder(source);
    }

    @Override
    public Statement visitSingleStatement(SingleStatementContext context) {
        return visit(context.statement());
    }

    @Override
    public Statement visitStatement(StatementContext context) {
        return visit(context.getChild(0));
    }

    @Override
    public Statement visitCreateTableStatement(CreateTableStatementContext context) {
        return tables.build(context);
    }

    @Override
    public Statement visitCreateViewStatement(CreateViewStatementContext context) {
        return new CreateView(
                Literals.identifier(context.name, source),
                context.MATERIALIZED() != null,
                context.IF() != null,
                uniqueNames(context.identifierList(), "view column"),
                visitQuery(context.query()),
                source.position(context));
    }

    @Override
    public Statement visitDropStatement(DropStatementContext context) {
        ObjectKind kind = context.kind == null ? ObjectKind.MATERIALIZED_VIEW : switch (context.kind.getType()) {
            case SluiceStatementLexer.STREAM -> ObjectKind.STREAM;
            case SluiceStatementLexer.TABLE -> ObjectKind.TABLE;
            default -> ObjectKind.VIEW;
        };
        return new DropObject(kind, Literals.identifier(context.name, source), context.IF() != null,
                source.position(context));
    }

    @Override
    public Statement visitShowStatement(ShowStatementContext context) {
        ShowKind kind = context.kind == null ? ShowKind.MATERIALIZED_VIEWS : switch (context.kind.getType()) {
            case SluiceStatementLexer.STREAMS -> ShowKind.STREAMS;
            case SluiceStatementLexer.TABLES -> ShowKind.TABLES;
            case SluiceStatementLexer.VIEWS -> ShowKind.VIEWS;
            case SluiceStatementLexer.FUNCTIONS -> ShowKind.FUNCTIONS;
            default -> ShowKind.QUERIES;
        };
        return new Show(kind, source.position(context));
    }

    @Override
    public Statement visitDescribeStatement(DescribeStatementContext context) {
        if (context.function != null) {
            return new DescribeFunction(Literals.identifier(context.function, source), source.position(context));
        }
        return new Describe(Literals.identifier(context.name, source), source.position(context));
    }

    @Override
    public Statement visitExplainStatement(ExplainStatementContext context) {
        if (context.ANALYZE() != null) {
            return context.id != null
                    ? ExplainAnalyze.ofQueryId(Literals.string(context.id), source.position(context))
                    : ExplainAnalyze.ofQuery(visitQuery(context.query()), source.position(context));
        }
        Statement explained = context.query() != null ? visitQuery(context.query()) : visit(context.insertStatement());
        return new Explain(explained, source.position(context));
    }

    @Override
    public Statement visitSetStatement(SetStatementContext context) {
        if (context.key == null) {
            return new ListOptions(source.position(context));
        }
        String key = optionText(context.key);
        if (key.isEmpty()) {
            throw new SqlParseError(source.position(context.key), "the option's name is empty");
        }
        return new SetOption(key, optionText(context.value), source.position(context));
    }

    @Override
    public Statement visitResetStatement(ResetStatementContext context) {
        return new ResetOption(Optional.ofNullable(context.key).map(this::optionText), source.position(context));
    }

    @Override
    public Query visitQuery(QueryContext context) {
        EmbeddedSql sql = source.embedded(context);
        return new Query(CalciteBodyParser.parseQuery(sql), sql.text(), sql.start());
    }

    @Override
    public Insert visitInsertInto(InsertIntoContext context) {
        return new Insert(
                Literals.identifier(context.target, source),
                uniqueNames(context.identifierList(), "target column"),
                visitQuery(context.query()),
                source.position(context));
    }

    @Override
    public Statement visitInsertOverwrite(InsertOverwriteContext context) {
        throw new SqlParseError(source.position(context.OVERWRITE().getSymbol()),
                "INSERT OVERWRITE is not supported: streams and tables are appended to; use INSERT INTO");
    }

    @Override
    public Statement visitStatementSet(StatementSetContext context) {
        List<Insert> inserts = new ArrayList<>();
        for (StatementSetMemberContext member : context.statementSetMember()) {
            if (member instanceof OtherMemberContext other) {
                throw new SqlParseError(source.position(other),
                        "only INSERT INTO statements may appear in a statement set, found "
                                + Alternatives.quote(other.getStart().getText()));
            }
            inserts.add((Insert) visit(((InsertMemberContext) member).insertStatement()));
        }
        if (inserts.isEmpty()) {
            throw new SqlParseError(source.position(context.END().getSymbol()),
                    "a statement set needs at least one INSERT INTO statement");
        }
        return new StatementSet(inserts, source.position(context));
    }

    @Override
    public Statement visitStopJobStatement(StopJobStatementContext context) {
        return new StopJob(Literals.string(context.id), context.savepoint != null, source.position(context));
    }

    private List<String> uniqueNames(IdentifierListContext list, String what) {
        if (list == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IdentifierContext identifier : list.identifier()) {
            String name = Literals.identifier(identifier, source);
            if (!seen.add(name)) {
                throw new SqlParseError(source.position(identifier), "duplicate " + what + " '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * An option key or value: a string literal, or an unquoted word such as {@code a.b-c} or
     * {@code 4}, which must be written without spaces.
     */
    private String optionText(OptionTextContext context) {
        if (context.STRING_LITERAL() != null) {
            return Literals.string(context.STRING_LITERAL().getSymbol());
        }
        List<OptionWordContext> words = context.optionWord();
        for (int i = 1; i < words.size(); i++) {
            Token previous = words.get(i - 1).getStop();
            Token next = words.get(i).getStart();
            if (previous.getStopIndex() + 1 != next.getStartIndex()) {
                throw new SqlParseError(source.position(next),
                        "an unquoted option key or value cannot contain spaces; quote it: '"
                                + source.text(context) + "'");
            }
        }
        return words.size() == 1 && words.get(0).identifier() != null
                ? Literals.identifier(words.get(0).identifier(), source)
                : source.text(context);
    }
}

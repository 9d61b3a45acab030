package io.sluice.parser;

import io.sluice.parser.ast.Statement;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses one statement into a {@link Statement}. The statement grammar (ANTLR) recognises the
 * statement's shape; query bodies and expressions inside it are parsed by Calcite with
 * {@link SluiceSqlConfig#parserConfig()}, into nodes whose positions are absolute in the script.
 *
 * <p>Holds no state: one instance may be shared by threads.
 *
 * <p>Every problem is reported as a {@link SqlParseError} at the line and column, in the script,
 * of the token at fault: {@code line 3, column 14: syntax error at 'FORM': expected ...}.
 */
public final class StatementParser {
    /** A statement split from a script by {@link StatementSplitter}, placed where it was in the script. */
    public Statement parse(StatementText statement) {
        StatementSource source = new StatementSource(statement.text(), statement.position());
        CommonTokenStream tokens = source.tokens();
        for (Token token : tokens.getTokens()) {
            UnterminatedTokens.problem(token).ifPresent(problem -> {
                throw new SqlParseError(source.position(token), problem);
            });
        }
        if (tokens.LT(1).getType() == Token.EOF) {
            throw new SqlParseError(statement.position(), "empty statement");
        }
        SluiceStatementParser parser = new SluiceStatementParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy(source));
        return new AstBuilder(source).visit(parser.singleStatement());
    }

    /** One statement standing alone, at line 1, column 1; a trailing {@code ;} is allowed. */
    public Statement parse(String sql) {
        return parse(new StatementText(sql, 1, 1));
    }
}

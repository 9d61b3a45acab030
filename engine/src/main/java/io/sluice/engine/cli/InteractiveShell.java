package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultCursor;
import io.sluice.parser.StatementText;
import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: reads statements at a {@code sluice> } prompt (more lines with a
 * continuation prompt until a {@code ;} ends the statement), runs them, and shows their rows as a
 * table that grows as rows arrive, then a dim summary line. Ctrl-C while a query runs cancels it;
 * at the prompt it clears the line. {@code quit;}, {@code exit;} or Ctrl-D leave. An error is
 * printed and the shell goes on.
 */
public final class InteractiveShell {
    private static final String PROMPT = "sluice> ";
    private static final String CONTINUATION_PROMPT = "     -> ";

    private final Session session;
    private final Terminal terminal;
    private final PrintWriter out;
    private final LineReader reader;

    /**
     * @param history the file that keeps typed statements across runs, or empty to keep them in
     *                memory only
     */
    public InteractiveShell(Session session, Terminal terminal, Optional<Path> history) {
        this.session = requireNonNull(session, "session is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.out = terminal.writer();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sluice")
                .parser(new StatementLineParser())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // '!' is SQL (<>, !=), not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        this.reader = builder.build();
    }

    /** Reads and runs statements until {@code quit;}, {@code exit;} or the end of input. */
    public void run() {
        // Ctrl-C never ends the shell: the line reader and a running query handle it in turn.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!runInput(input)) {
                    return;
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** Runs the statements of one input, up to an error or a cancel; false if the shell should end. */
    private boolean runInput(String input) {
        List<StatementText> statements;
        try {
            statements = Session.split(input);
        } catch (SluiceException e) {
            ErrorText.print(e, out);
            return true;
        }
        for (StatementText statement : statements) {
            Optional<ShellCommand> command = ShellCommand.of(statement.text());
            if (command.isPresent()) {
                if (command.get() == ShellCommand.QUIT) {
                    return false;
                }
                out.println(ShellCommand.HELP_TEXT);
                out.flush();
                continue;
            }
            try {
                if (!execute(statement)) {
                    return true;
                }
            } catch (RuntimeException e) {
                ErrorText.print(ErrorText.of(e), out);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Runs a statement and shows what it did; false if Ctrl-C cancelled it. */
    private boolean execute(StatementText statement) throws InterruptedException {
        ResultRenderer renderer = new ResultRenderer(OutputFormat.TABLE, session.settings().resultMode(), out,
                terminal.getWidth(), terminal.getHeight());
        // Installed before planning, so that Ctrl-C then cancels the query as soon as it starts.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> renderer.stop());
        try {
            StatementResult result = session.execute(statement);
            if (!result.hasRows()) {
                out.println(result.message());
                out.flush();
                return true;
            }
            try (ResultCursor cursor = result.cursor()) {
                boolean ended;
                try {
                    ended = renderer.print(result.kind(), cursor);
                } catch (SluiceException e) {
                    // What the query read before it failed is reported above the error.
                    printSummary(result, renderer, cursor, "");
                    throw e;
                }
                printSummary(result, renderer, cursor, ended ? "" : "; cancelled");
                return ended;
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private void printSummary(StatementResult result, ResultRenderer renderer, ResultCursor cursor, String suffix) {
        if (result.kind() == StatementResult.Kind.QUERY) {
            String summary = renderer.summary(cursor) + suffix;
            out.println(new AttributedString(summary, AttributedStyle.DEFAULT.faint()).toAnsi(terminal));
            out.flush();
        }
    }
}

package io.sluice.runtime.connector.print;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.format.text.ColumnKind;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The {@code print} connector: writes every row to the engine process's standard output (or
 * standard error), one line per row in Flink's form {@code +I[a, 1, 2026-01-01 00:00:01.000]}, for
 * trying pipelines out and debugging. It takes updating queries too: each change is printed with
 * its kind, {@code +I}, {@code -U}, {@code +U} or {@code -D}, as Flink prints them.
 *
 * <p>Options, with Flink's names: {@code 'print-identifier'}: a prefix naming the sink, so that
 * lines of several print sinks can be told apart; {@code 'standard-error'}: {@code true} prints
 * to standard error. A line starts with {@code identifier:task> } when the job writes with
 * several tasks (tasks counted from 1), {@code identifier> } with one, and with no prefix when
 * there is neither; {@code 'sink.parallelism'} is accepted and ignored.
 */
public final class PrintSinkFactory implements SinkFactory {
    static final String PRINT_IDENTIFIER = "print-identifier";
    static final String STANDARD_ERROR = "standard-error";
    static final String SINK_PARALLELISM = "sink.parallelism";

    private final Supplier<PrintStream> standardOutput;
    private final Supplier<PrintStream> standardError;

    public PrintSinkFactory() {
        this(() -> System.out, () -> System.err);
    }

    /** The streams are asked for when a job starts writing, so that a redirected stream is used. */
    PrintSinkFactory(Supplier<PrintStream> standardOutput, Supplier<PrintStream> standardError) {
        this.standardOutput = requireNonNull(standardOutput, "standardOutput is null");
        this.standardError = requireNonNull(standardError, "standardError is null");
    }

    @Override
    public String identifier() {
        return "print";
    }

    @Override
    public Sink create(SinkContext context) {
        ConnectorOptions options = context.options();
        String identifier = options.get(PRINT_IDENTIFIER, "");
        boolean toStandardError = options.getBoolean(STANDARD_ERROR, false);
        options.getInt(SINK_PARALLELISM, 1);
        return new PrintSink(identifier, toStandardError ? standardError : standardOutput,
                ColumnKind.of(context.schema(), "print", context.tableName()));
    }
}

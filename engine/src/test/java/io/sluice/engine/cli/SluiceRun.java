package io.sluice.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code sluice} command: its exit status and what it printed. */
record SluiceRun(int exitCode, String out, String err) {
    static SluiceRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new SluiceRun(exitCode, out.toString(), err.toString());
    }
}

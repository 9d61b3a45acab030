package io.sluice.bench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Starts a measuring program: its figures are its output, so the engine's and the Kafka
 * client's INFO lines, which would bury them, are silenced unless a log level is set.
 */
public final class QuietCommand {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private QuietCommand() {
    }

    /** Runs the picocli command with UTF-8 standard output and exits with its status. */
    public static void run(Object command, String[] args) {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        int status = new CommandLine(command).setOut(out).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        out.flush();
        System.exit(status);
    }
}

package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.server.auth.PasswordHash;
import io.sluice.engine.server.auth.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice server hash-password NAME}: reads a password (from the console without echo, asked
 * twice, or else the first line of standard input) and prints the users-file line that lets NAME
 * in with it, so that no password is ever written down or given on a command line.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Reads a password from the console (or the first line of standard input) and prints the"
                + " line of a users file (sluice server --users FILE) that lets NAME log in with it.",
            "Example: sluice server hash-password alice --admin >> users.txt"})
public final class HashPasswordCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    private String name;

    @Option(names = "--admin", description = "The user may see and stop every user's queries and jobs.")
    private boolean admin;

    @Option(names = "--iterations", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations: more is slower to check and to guess (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;
    private final Console console;

    /** Reads the password from the console if there is one, else from standard input. */
    public HashPasswordCommand() {
        this(System.in, System.console());
    }

    /** Reads the password from {@code console} if not null, else from the first line of {@code stdin}. */
    HashPasswordCommand(InputStream stdin, Console console) {
        this.stdin = requireNonNull(stdin, "stdin is null");
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        char[] password = console != null ? askTwice() : firstLine();
        try {
            if (password == null || password.length == 0) {
                err.println("sluice server hash-password: no password given (the passwords typed differ, or the input is empty)");
                err.flush();
                return 1;
            }
            String line;
            try {
                line = Users.line(name, PasswordHash.of(password, iterations, new SecureRandom()), admin);
            } catch (IllegalArgumentException e) {
                err.println("sluice server hash-password: " + e.getMessage());
                err.flush();
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(line);
            out.flush();
            return 0;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private char[] askTwice() {
        char[] first = console.readPassword("Password for %s: ", name);
        char[] second = console.readPassword("The same password again: ");
        if (first == null || !Arrays.equals(first, second)) {
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private char[] firstLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}

package io.sluice.engine.server;

import io.sluice.engine.server.auth.TokenHash;
import io.sluice.engine.server.auth.Users;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice server new-token NAME}: makes a random token for a program to log in with,
 * prints the users-file line that holds its hash on standard output and the token itself, once,
 * on standard error; the token is stored nowhere.
 */
@Command(name = "new-token", mixinStandardHelpOptions = true,
        description = {"Makes a token for NAME: prints the line of a users file (sluice server --users FILE) on"
                + " standard output, and the token, which a client gives with the connection property token, on"
                + " standard error.",
            "Example: sluice server new-token reporting >> users.txt"})
public final class NewTokenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The name the token logs in as.")
    private String name;

    @Option(names = "--admin", description = "The token may see and stop every user's queries and jobs.")
    private boolean admin;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String token = TokenHash.newToken(new SecureRandom());
        String line;
        try {
            line = Users.line(name, TokenHash.of(token), admin);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("sluice server new-token: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("token for " + name + " (give it to the client as its token; it is stored nowhere): " + token);
        err.flush();
        return 0;
    }
}

package io.sluice.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.SessionUser;
import io.sluice.engine.server.auth.Users;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice server new-token NAME}: the line on stdout lets NAME in with the token on stderr. */
class NewTokenCommandTest {
    @TempDir
    Path dir;

    @Test
    void theLineLetsTheTokenIn() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, new CommandLine(new NewTokenCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("reporting"));
        String line = out.toString().strip();
        assertTrue(line.matches("reporting:token-sha256:[A-Za-z0-9+/=]{44}:user"), line);
        String prefix = "token for reporting (give it to the client as its token; it is stored nowhere): ";
        assertTrue(err.toString().startsWith(prefix), err.toString());
        String token = err.toString().substring(prefix.length()).strip();
        assertEquals(43, token.length(), token);

        Path file = dir.resolve("users.txt");
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
        Users users = Users.load(file);
        assertEquals(Optional.of(new SessionUser("reporting", false)), users.authenticate("reporting", token));
        assertEquals(Optional.empty(), users.authenticate("reporting", token.substring(1)));
    }
}

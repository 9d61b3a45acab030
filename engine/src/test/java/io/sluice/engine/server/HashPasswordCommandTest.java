package io.sluice.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.SessionUser;
import io.sluice.engine.server.auth.Users;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice server hash-password NAME} prints a users-file line that lets NAME in with the password read. */
class HashPasswordCommandTest {
    @TempDir
    Path dir;

    @Test
    void theLinePrintedLetsTheUserInWithThatPasswordOnly() throws Exception {
        StringWriter out = new StringWriter();
        int status = run("correct horse battery\n", out, "carol", "--admin", "--iterations", "2000");
        assertEquals(0, status);
        String line = out.toString().strip();
        assertTrue(line.matches("carol:pbkdf2-sha256:2000:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:admin"), line);
        assertFalse(line.contains("correct horse"), line);

        Path file = dir.resolve("users.txt");
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
        Users users = Users.load(file);
        assertEquals(Optional.of(new SessionUser("carol", true)), users.authenticate("carol", "correct horse battery"));
        // Again, from the remembered login.
        assertEquals(Optional.of(new SessionUser("carol", true)), users.authenticate("carol", "correct horse battery"));
        assertEquals(Optional.empty(), users.authenticate("carol", "correct horse batter"));
        assertEquals(Optional.empty(), users.authenticate("Carol", "correct horse battery"));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        assertEquals(0, run("pw\n", first, "dave", "--iterations", "1000"));
        assertEquals(0, run("pw\n", second, "dave", "--iterations", "1000"));
        assertTrue(first.toString().endsWith(":user" + System.lineSeparator()), first.toString());
        assertFalse(first.toString().equals(second.toString()));
    }

    @Test
    void anEmptyPasswordIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new HashPasswordCommand(new ByteArrayInputStream(new byte[0]), null))
                .setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
        assertEquals(1, command.execute("erin"));
        assertTrue(err.toString().contains("no password given"), err.toString());
    }

    private static int run(String stdin, StringWriter out, String... args) {
        CommandLine command = new CommandLine(new HashPasswordCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null))
                .setOut(new PrintWriter(out));
        return command.execute(args);
    }
}

package io.sluice.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.engine.server.auth.Users;
import io.sluice.runtime.error.SluiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed users file is refused with its line and what is wrong, and never starts a server. */
class UsersTest {
    @TempDir
    Path dir;

    @Test
    void malformedLinesAreNamed() throws Exception {
        assertRefused("alice\n", "line 1: expected NAME:pbkdf2-sha256:ITERATIONS:SALT:HASH:ROLE");
        assertRefused("# ok\nalice:pbkdf2-sha256:1000:AAAA:AAAA:root\n", "line 2: the role is 'root'; expected admin or user");
        assertRefused("alice:md5:1000:AAAA:AAAA:user\n", "line 1: a password hash is pbkdf2-sha256:ITERATIONS:SALT:HASH");
        assertRefused("alice:pbkdf2-sha256:many:AAAA:AAAA:user\n", "line 1: the iteration count 'many' is not a number");
        assertRefused("alice:pbkdf2-sha256:1000:AAAA:AAAA:user\nalice:pbkdf2-sha256:1000:AAAA:AAAA:admin\n",
                "line 2: user 'alice' is given twice");
        assertRefused("# nobody\n", "names no user");
        assertRefused("local:pbkdf2-sha256:1000:AAAA:AAAA:user\n", "line 1: 'local' is the name of the engine's own local user");
    }

    private void assertRefused(String content, String expected) throws Exception {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        SluiceException refused = assertThrows(SluiceException.class, () -> Users.load(file));
        assertEquals(true, refused.getMessage().contains(expected), refused.getMessage());
    }
}

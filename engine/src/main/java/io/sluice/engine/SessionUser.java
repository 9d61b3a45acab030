package io.sluice.engine;

import static java.util.Objects.requireNonNull;

/**
 * Who runs a session's statements. A user sees ({@code SHOW QUERIES}) and stops ({@code STOP JOB})
 * only the queries and jobs their own sessions started; an admin sees and stops every user's. The
 * catalog (streams, tables, views) is shared by every user of an engine.
 *
 * @param name  the user's name, as the server authenticated it
 * @param admin whether the user may see and stop every user's queries and jobs
 */
public record SessionUser(String name, boolean admin) {
    /**
     * The user of the embedded engine, the shell, {@code jdbc:sluice:mem:} and a loopback server
     * without a users file: whoever owns the process owns the engine.
     */
    public static final SessionUser LOCAL = new SessionUser("local", true);

    public SessionUser {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a user's name must not be empty");
        }
    }

    /** Whether this user may see and stop a query or job that {@code owner}'s session started. */
    public boolean mayControl(String owner) {
        return admin || name.equals(owner);
    }
}

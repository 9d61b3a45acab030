package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Session;
import io.sluice.parser.StatementText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that run one Nexmark query on either engine: the three tables
 * ({@code nexmark/tables.sql}) over a sequence of {@code events} events, then the query's own
 * file ({@code nexmark/<query>.sql}: its blackhole sink and the {@code INSERT}).
 */
record NexmarkScript(String query, List<String> ddl, String insert) {
    /** Event 0 happens here, on every run of either engine, so that results compare. */
    static final String BASE_TIME = "2026-01-01 00:00:00";

    private static final Pattern CREATE_TABLE = Pattern.compile("\\bCREATE\\s+TABLE\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile("INSERT\\s+INTO\\s+\\S+\\s+(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    NexmarkScript {
        requireNonNull(query, "query is null");
        ddl = List.copyOf(ddl);
        requireNonNull(insert, "insert is null");
    }

    /** The script of a query ({@code q0}, {@code q5} …) over a sequence of {@code events} events. */
    static NexmarkScript load(String query, long events) {
        if (events <= 0) {
            throw new IllegalArgumentException("events must be positive: " + events);
        }
        String tables = resource("tables.sql").replace("${events}", Long.toString(events))
                .replace("${base-time}", BASE_TIME);
        List<String> ddl = new ArrayList<>(statements(tables));
        String insert = null;
        for (String statement : statements(resource(query + ".sql"))) {
            if (INSERT.matcher(statement).matches()) {
                if (insert != null) {
                    throw new IllegalStateException(query + ".sql has more than one INSERT");
                }
                insert = statement;
            } else {
                ddl.add(statement);
            }
        }
        if (insert == null) {
            throw new IllegalStateException(query + ".sql has no INSERT");
        }
        return new NexmarkScript(query, ddl, insert);
    }

    /** {@code DROP TABLE IF EXISTS} of each table the script creates, so that it can run again on the same engine. */
    List<String> drops() {
        List<String> drops = new ArrayList<>();
        for (String statement : ddl) {
            Matcher matcher = CREATE_TABLE.matcher(statement);
            if (matcher.find()) {
                drops.add("DROP TABLE IF EXISTS " + matcher.group(1));
            }
        }
        return drops;
    }

    /** The query the INSERT writes to its sink, for reading its rows instead. */
    String select() {
        Matcher matcher = INSERT.matcher(insert);
        if (!matcher.matches()) {
            throw new IllegalStateException("not an INSERT: " + insert);
        }
        return matcher.group(1);
    }

    /** Whether a query file exists for this name. */
    static boolean exists(String query) {
        return NexmarkScript.class.getResource("/nexmark/" + query.toLowerCase(Locale.ROOT) + ".sql") != null;
    }

    private static List<String> statements(String script) {
        return Session.split(script).stream().map(StatementText::text).map(String::strip).toList();
    }

    private static String resource(String name) {
        try (InputStream in = NexmarkScript.class.getResourceAsStream("/nexmark/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no Nexmark script nexmark/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

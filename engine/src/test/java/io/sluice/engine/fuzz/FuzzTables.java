package io.sluice.engine.fuzz;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bounded tables the fuzzed statements read and write: two {@code values} streams (rows and
 * watermarks fed by the test), the same rows in a CSV and a JSON file, a bounded Nexmark stream,
 * and two sinks. Every table ends, so every query over them ends.
 */
final class FuzzTables {
    private static final int ROWS = 24;
    private static final String COLUMNS = "ts TIMESTAMP(3), k VARCHAR, n INT, b BIGINT, d DOUBLE, m DECIMAL(10, 2), "
            + "flag BOOLEAN, day DATE";

    private final Path directory;

    FuzzTables(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    List<String> names() {
        return List.of("v", "w", "f", "fj", "bids", "sink_blackhole", "sink_file");
    }

    String csvPath() {
        return directory.resolve("rows.csv").toString();
    }

    String jsonPath() {
        return directory.resolve("rows.json").toString();
    }

    String sinkDirectory() {
        return directory.resolve("sink").toString();
    }

    /** Writes the files and creates the tables in {@code engine}, feeding the {@code values} streams. */
    void create(Engine engine, StatementRunner runner) {
        writeFiles();
        for (String statement : List.of(
                "CREATE STREAM v (" + COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values')",
                "CREATE STREAM w (ts TIMESTAMP(3), k VARCHAR, x INT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                        + "WITH ('connector' = 'values')",
                "CREATE TABLE f (" + COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                        + "'connector' = 'file', 'path' = '" + csvPath() + "', 'format' = 'csv')",
                "CREATE TABLE fj (" + COLUMNS + ") WITH ('connector' = 'file', 'path' = '" + jsonPath()
                        + "', 'format' = 'json')",
                "CREATE STREAM bids (auction BIGINT, price BIGINT, `dateTime` TIMESTAMP(3), "
                        + "WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ('connector' = 'nexmark', "
                        + "'event-type' = 'bid', 'events.num' = '300', 'base-time' = '2026-01-01 00:00:00')",
                "CREATE TABLE sink_blackhole (" + COLUMNS + ") WITH ('connector' = 'blackhole')",
                "CREATE TABLE sink_file (" + COLUMNS + ") WITH ('connector' = 'file', 'path' = '" + sinkDirectory()
                        + "', 'format' = 'json')")) {
            runner.runSetup(statement);
        }
        ValuesSource v = values(engine, "v");
        ValuesSource w = values(engine, "w");
        for (int i = 0; i < ROWS; i++) {
            v.addRow(row(i).replace(',', '|'));
            w.addRow(timestamp(i) + "|" + key(i + 1) + "|" + (i * 7 % 11 - 3));
            if (i % 8 == 7) {
                v.addWatermark(timestamp(i));
                w.addWatermark(timestamp(i));
            }
        }
    }

    private static ValuesSource values(Engine engine, String table) {
        return (ValuesSource) ((CatalogTable) engine.catalog().get(table)).source();
    }

    private void writeFiles() {
        StringBuilder csv = new StringBuilder();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            csv.append(row(i)).append('\n');
            String[] fields = row(i).split(",", -1);
            json.append("{\"ts\":\"").append(fields[0]).append("\",\"k\":\"").append(fields[1]).append("\",\"n\":")
                    .append(fields[2]).append(",\"b\":").append(fields[3]).append(",\"d\":").append(fields[4])
                    .append(",\"m\":").append(fields[5]).append(",\"flag\":").append(fields[6]).append(",\"day\":\"")
                    .append(fields[7]).append("\"}\n");
        }
        try {
            Files.writeString(Path.of(csvPath()), csv);
            Files.writeString(Path.of(jsonPath()), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row {@code i}: a second apart, three keys, values that reach zero and negatives. */
    private static String row(int i) {
        return timestamp(i) + "," + key(i) + "," + (i % 5 - 2) + "," + (i * 1_000_000_007L) + "," + (i / 4.0 - 2) + ","
                + (i * 3 % 7 - 3) + ".25," + (i % 3 == 0) + ",2026-01-" + String.format("%02d", 1 + i % 28);
    }

    private static String timestamp(int i) {
        return String.format("2026-01-01 00:%02d:%02d.000", i / 60, i % 60);
    }

    private static String key(int i) {
        return switch (i % 3) {
            case 0 -> "a";
            case 1 -> "b";
            default -> "c";
        };
    }
}

package io.sluice.engine.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a SQL logic test file: records separated by blank lines; lines starting with {@code #}
 * outside a record are comments. See {@link SltRecord} for the kinds of record.
 */
final class SltFile {
    private final List<String> lines;
    private int next;

    private SltFile(String text) {
        this.lines = List.of(text.split("\r?\n", -1));
    }

    static List<SltRecord> parse(String text) {
        return new SltFile(text).records();
    }

    /** Every {@code .slt} file under the test resources' {@code /slt}, parsed, by its path below it, in path order. */
    static Map<String, List<SltRecord>> all() throws IOException, URISyntaxException {
        Path root = Path.of(SltFile.class.getResource("/slt").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            // -Dsluice.slt=part runs only the files whose path holds it
            String only = System.getProperty("sluice.slt", "");
            files = walk.filter(p -> p.toString().endsWith(".slt") && p.toString().contains(only)).sorted().toList();
        }
        Map<String, List<SltRecord>> all = new LinkedHashMap<>();
        for (Path file : files) {
            all.put(root.relativize(file).toString(), parse(Files.readString(file)));
        }
        return all;
    }

    private List<SltRecord> records() {
        List<SltRecord> records = new ArrayList<>();
        while (next < lines.size()) {
            String line = lines.get(next).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                next++;
                continue;
            }
            int start = ++next;
            String[] words = line.split("\\s+", 3);
            switch (words[0]) {
                case "statement" -> {
                    String sql = String.join("\n", block());
                    records.add(words[1].equals("ok")
                            ? new SltRecord.StatementOk(start, sql)
                            : new SltRecord.StatementError(start, sql, words.length > 2 ? words[2] : ""));
                }
                case "input" -> records.add(new SltRecord.Input(start, words[1], inputRows()));
                case "watermark" -> records.add(new SltRecord.Watermark(start, words[1], line.split("\\s+", 3)[2]));
                case "query" -> records.add(query(start, words.length > 2 && words[2].contains("rowsort"),
                        words.length > 2 && words[2].contains("final")));
                case "summary" -> {
                    Map<String, Long> expected = new LinkedHashMap<>();
                    for (String pair : line.substring("summary".length()).trim().split("\\s+")) {
                        String[] kv = pair.split("=");
                        expected.put(kv[0], Long.parseLong(kv[1]));
                    }
                    records.add(new SltRecord.Summary(start, expected));
                }
                default -> throw new IllegalArgumentException("line " + start + ": unknown record '" + words[0] + "'");
            }
        }
        return records;
    }

    private SltRecord query(int start, boolean rowsort, boolean finalResult) {
        List<String> sql = new ArrayList<>();
        while (next < lines.size() && !lines.get(next).strip().equals("----")) {
            sql.add(lines.get(next++));
        }
        if (next >= lines.size()) {
            throw new IllegalArgumentException("line " + start + ": query without '----'");
        }
        next++;
        return new SltRecord.Query(start, String.join("\n", sql), rowsort, finalResult, block());
    }

    /** Input rows: the lines up to a blank line or to a {@code watermark} line, which may follow rows directly. */
    private List<String> inputRows() {
        List<String> rows = new ArrayList<>();
        while (next < lines.size() && !lines.get(next).isBlank() && !lines.get(next).startsWith("watermark ")) {
            rows.add(lines.get(next++));
        }
        return rows;
    }

    /** The lines up to the next blank line. */
    private List<String> block() {
        List<String> block = new ArrayList<>();
        while (next < lines.size() && !lines.get(next).isBlank()) {
            block.add(lines.get(next++));
        }
        return block;
    }
}

package io.sluice.engine.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A file of CSV or JSON records of the table {@link #COLUMNS}, many of them broken: cut short,
 * fields missing or extra, bad numbers, dates and timestamps, bytes that are not UTF-8, byte-order
 * marks, huge fields, blank lines, NUL bytes, unbalanced quotes, deeply nested JSON. It counts
 * the records it wrote as the reader must see them: lines that hold something (for JSON,
 * something other than blanks), after a byte-order mark at the start of the file is dropped.
 */
final class BrokenRecords {
    static final String COLUMNS = "id INT, name VARCHAR, price DECIMAL(10, 2), ts TIMESTAMP(3), day DATE, ok BOOLEAN";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Random random;
    private final boolean json;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int records;
    private int intact;

    BrokenRecords(Random random, boolean json) {
        this.random = requireNonNull(random, "random is null");
        this.json = json;
    }

    /** Writes {@code lines} lines, each intact or broken, and returns the file's bytes. */
    byte[] write(int lines) {
        if (random.nextInt(4) == 0) {
            bytes.writeBytes(BOM);
        }
        for (int id = 1; id <= lines; id++) {
            byte[] line = random.nextInt(3) == 0 ? text(good(id)) : broken(id);
            if (line == null) {
                intact++;
                line = text(good(id));
            }
            bytes.writeBytes(line);
            if (holdsRecord(line)) {
                records++;
            }
            if (id < lines || random.nextBoolean()) {
                bytes.writeBytes(text(random.nextInt(5) == 0 ? "\r\n" : "\n"));
            }
        }
        return bytes.toByteArray();
    }

    /** Records written: lines that hold something. */
    int records() {
        return records;
    }

    /** Lines written as they should be, each of which must be read as a row. */
    int intact() {
        return intact;
    }

    private boolean holdsRecord(byte[] line) {
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (!json) {
            return length > 0;
        }
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return true;
            }
        }
        return false;
    }

    private String good(int id) {
        String name = "name " + id;
        String price = (id * 37 % 1000) + "." + (id % 100 < 10 ? "0" : "") + id % 100;
        String ts = String.format("2026-01-01 00:%02d:%02d.%03d", id / 60 % 60, id % 60, id % 1000);
        String day = String.format("2026-01-%02d", 1 + id % 28);
        String ok = Boolean.toString(id % 2 == 0);
        return json
                ? "{\"id\":" + id + ",\"name\":\"" + name + "\",\"price\":" + price + ",\"ts\":\"" + ts + "\",\"day\":\""
                        + day + "\",\"ok\":" + ok + "}"
                : id + "," + name + "," + price + "," + ts + "," + day + "," + ok;
    }

    /** A broken form of line {@code id}, or null for the intact line. */
    private byte[] broken(int id) {
        String good = good(id);
        return switch (random.nextInt(16)) {
            case 0 -> text(good.substring(0, random.nextInt(good.length())));
            case 1 -> text(json ? good.replace(",\"ok\":", ",\"ok\":\"maybe\",\"x\":") : good + ",extra");
            case 2 -> text(json ? good.replace("\"id\":" + id, "\"id\":\"" + id + "x\"") : good.replaceFirst("^\\d+", id + "x"));
            case 3 -> text(good.replace("2026-01-", "2026-02-3"));
            case 4 -> text(good.replace("2026-01-01 00:", "2026-01-01 25:"));
            case 5 -> splice(good, good.indexOf("name") + 4, (byte) (0x80 + random.nextInt(0x80)));
            case 6 -> {
                byte[] line = text(good);
                byte[] marked = new byte[line.length + BOM.length];
                System.arraycopy(BOM, 0, marked, 0, BOM.length);
                System.arraycopy(line, 0, marked, BOM.length, line.length);
                yield marked;
            }
            case 7 -> text(good.replace("name " + id, "n".repeat(random.nextBoolean() ? 100_000 : 17_000_000)));
            case 8 -> text(random.nextBoolean() ? "" : " \t ");
            case 9 -> splice(good, random.nextInt(good.length()), (byte) 0);
            case 10 -> text(json ? good.replace("\"name " + id + "\"", "\"name " + id) : good.replace("name", "\"name"));
            case 11 -> text(json ? good.replace("\"name " + id + "\"", nested(random.nextInt(2_000))) : good.replace(",", ";"));
            case 12 -> text(json ? good.replace("\"price\":", "\"price\":1e999,\"p\":") : good.replace(",", ",,"));
            case 13 -> text(json ? "[" + good + "]" : good.replace("name " + id, "\"quoted \"\"name\"\"\""));
            case 14 -> text(good.replace(Integer.toString(id), "99999999999999999999"));
            default -> null;
        };
    }

    /** A JSON array nested {@code depth} deep. */
    private static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private static byte[] splice(String text, int at, byte inserted) {
        byte[] line = text(text);
        byte[] spliced = new byte[line.length + 1];
        System.arraycopy(line, 0, spliced, 0, at);
        spliced[at] = inserted;
        System.arraycopy(line, at, spliced, at + 1, line.length - at);
        return spliced;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

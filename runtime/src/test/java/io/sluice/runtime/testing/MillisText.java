package io.sluice.runtime.testing;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/** Output lines with their timestamps written as milliseconds since the epoch, as tests give times to operators. */
public final class MillisText {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private MillisText() {
    }

    public static List<String> of(List<String> lines) {
        return lines.stream().map(line -> TIMESTAMP.matcher(line).replaceAll(match -> String.valueOf(
                LocalDateTime.parse(match.group(), FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli()))).toList();
    }
}

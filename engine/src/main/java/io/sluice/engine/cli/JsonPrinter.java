package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.engine.result.ResultColumn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Rows as JSON lines: one object per row, keyed by column label, one per line. Numbers and
 * booleans are JSON numbers and booleans (decimals written in full), NULL is {@code null}, and
 * every other value is a string as in the other formats (e.g. timestamps with milliseconds).
 */
final class JsonPrinter implements RowPrinter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final PrintWriter out;
    private final List<ResultColumn> columns;
    private final JsonGenerator json;

    JsonPrinter(PrintWriter out, List<ResultColumn> columns) {
        this.out = requireNonNull(out, "out is null");
        this.columns = List.copyOf(columns);
        try {
            this.json = JSON.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Rows are separated by the line break written after each, not by the default space.
        json.setRootValueSeparator(null);
    }

    @Override
    public void begin() {
    }

    @Override
    public void row(Object[] row) {
        try {
            json.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                json.writeFieldName(columns.get(i).name());
                value(row[i], columns.get(i));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(Object value, ResultColumn column) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Float f) {
            json.writeNumber(f);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else {
            json.writeString(ValueText.format(value, column));
        }
    }

    @Override
    public void end() {
    }

    @Override
    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}

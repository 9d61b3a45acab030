package io.sluice.runtime.format.csv;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnReader;
import io.sluice.runtime.format.text.TimestampFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The validated settings of the {@code csv} format for writing one table (see {@link CsvFormatFactory}). */
final class CsvEncoderFactory implements EncoderFactory {
    private final List<ColumnKind> kinds;
    private final List<String> names;
    private final byte delimiter;
    private final int quote;
    private final int escape;
    private final byte[] nullLiteral;
    private final boolean header;

    CsvEncoderFactory(List<ColumnKind> kinds, List<String> names, byte delimiter, int quote, int escape,
            String nullLiteral, boolean header) {
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
        this.names = List.copyOf(requireNonNull(names, "names is null"));
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.nullLiteral = nullLiteral == null ? new byte[0] : nullLiteral.getBytes(StandardCharsets.UTF_8);
        this.header = header;
    }

    @Override
    public RecordEncoder create() {
        return new CsvRecordEncoder(new TextColumnReader(kinds, TimestampFormat.SQL), delimiter, quote, escape,
                nullLiteral);
    }

    @Override
    public byte[] headerLine() {
        if (!header) {
            return null;
        }
        return String.join(String.valueOf((char) delimiter), names).getBytes(StandardCharsets.UTF_8);
    }
}

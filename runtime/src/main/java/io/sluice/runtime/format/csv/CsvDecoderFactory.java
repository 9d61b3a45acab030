package io.sluice.runtime.format.csv;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnWriter;
import io.sluice.runtime.format.text.TimestampFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The validated settings of the {@code csv} format for one table (see {@link CsvFormatFactory}). */
final class CsvDecoderFactory implements DecoderFactory {
    /** No quote or escape character: a value no byte equals. */
    static final int NONE = 0x100;

    private final List<ColumnKind> kinds;
    private final byte delimiter;
    private final int quote;
    private final int escape;
    private final boolean allowComments;
    private final String nullLiteral;
    private final boolean header;

    CsvDecoderFactory(List<ColumnKind> kinds, byte delimiter, int quote, int escape, boolean allowComments,
            String nullLiteral, boolean header) {
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.allowComments = allowComments;
        this.nullLiteral = nullLiteral;
        this.header = header;
    }

    @Override
    public RecordDecoder create(VectorSchemaRoot target) {
        TextColumnWriter writer = new TextColumnWriter(target, kinds, TimestampFormat.SQL);
        byte[] nullBytes = nullLiteral == null ? null : nullLiteral.getBytes(StandardCharsets.UTF_8);
        return new CsvRecordDecoder(writer, delimiter, quote, escape, allowComments, nullBytes);
    }

    @Override
    public boolean hasHeaderLine() {
        return header;
    }
}

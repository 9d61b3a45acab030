package io.sluice.runtime.format.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnWriter;
import io.sluice.runtime.format.text.TimestampFormat;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The validated settings of the {@code json} format for one table (see {@link JsonFormatFactory}). */
final class JsonDecoderFactory implements DecoderFactory {
    /** Thread-safe once built; its decoders share its symbol tables, so field names are not copied per record. */
    private final JsonFactory json = new JsonFactory();
    private final List<ColumnKind> kinds;
    private final boolean failOnMissingField;
    private final TimestampFormat timestampFormat;

    JsonDecoderFactory(List<ColumnKind> kinds, boolean failOnMissingField, TimestampFormat timestampFormat) {
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
        this.failOnMissingField = failOnMissingField;
        this.timestampFormat = requireNonNull(timestampFormat, "timestampFormat is null");
    }

    @Override
    public RecordDecoder create(VectorSchemaRoot target) {
        return new JsonRecordDecoder(json, new TextColumnWriter(target, kinds, timestampFormat), failOnMissingField);
    }
}

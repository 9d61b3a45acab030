package io.sluice.runtime.format.json;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnReader;
import io.sluice.runtime.format.text.TimestampFormat;
import java.util.List;

/** The validated settings of the {@code json} format for writing one table (see {@link JsonFormatFactory}). */
final class JsonEncoderFactory implements EncoderFactory {
    private final List<ColumnKind> kinds;
    private final List<String> names;
    private final TimestampFormat timestampFormat;

    JsonEncoderFactory(List<ColumnKind> kinds, List<String> names, TimestampFormat timestampFormat) {
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
        this.names = List.copyOf(requireNonNull(names, "names is null"));
        this.timestampFormat = requireNonNull(timestampFormat, "timestampFormat is null");
    }

    @Override
    public RecordEncoder create() {
        return new JsonRecordEncoder(new TextColumnReader(kinds, timestampFormat), names);
    }
}

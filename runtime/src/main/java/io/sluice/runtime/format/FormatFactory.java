package io.sluice.runtime.format;

/**
 * A record format ({@code 'format' = 'csv'}), found by name through {@link java.util.ServiceLoader}.
 * Its options carry its name as a prefix, as in Flink: {@code 'csv.field-delimiter'}.
 */
public interface FormatFactory {
    String identifier();

    /**
     * Validates the format's options and returns a decoder factory for the schema. Reads its
     * options through {@code context.options()} so that unknown ones are reported.
     */
    DecoderFactory createDecoderFactory(FormatContext context);

    /**
     * Validates the format's options for writing and returns an encoder factory for the schema.
     * A format that can only be read keeps this default, which says so.
     */
    default EncoderFactory createEncoderFactory(FormatContext context) {
        throw new io.sluice.runtime.error.SluiceException(io.sluice.runtime.error.ErrorCode.UNSUPPORTED,
                "format '" + identifier() + "' cannot be written");
    }
}

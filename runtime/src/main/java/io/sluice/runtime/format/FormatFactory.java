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
}

package io.sluice.engine.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.Summary;

/** A scrape of Prometheus text, parsed by a Prometheus text-format parser; values looked up by family and labels. */
public final class Scrape {
    private final List<MetricFamily> families = new ArrayList<>();

    private Scrape(InputStream text) throws IOException {
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(text);
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.add(family);
        }
    }

    public static Scrape parse(String text) throws IOException {
        return new Scrape(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value of a counter or gauge (or a summary's count) of the family whose labels include {@code labels}. */
    public OptionalDouble value(String family, Map<String, String> labels) {
        for (MetricFamily candidate : families) {
            if (!candidate.getName().equals(family)) {
                continue;
            }
            for (Metric metric : candidate.getMetrics()) {
                if (metric.getLabels().entrySet().containsAll(labels.entrySet())) {
                    return OptionalDouble.of(valueOf(metric));
                }
            }
        }
        return OptionalDouble.empty();
    }

    public static double valueOf(Metric metric) {
        if (metric instanceof Counter counter) {
            return counter.getValue();
        }
        if (metric instanceof Gauge gauge) {
            return gauge.getValue();
        }
        if (metric instanceof Summary summary) {
            return summary.getSampleCount();
        }
        throw new IllegalArgumentException("not a counter, gauge or summary: " + metric.getName());
    }
}

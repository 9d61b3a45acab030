package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.exchange.ExchangeSpec;
import java.util.List;

/** Everything needed to run a query: its pipelines and the exchanges between them. */
public record JobSpec(String name, List<PipelineSpec> pipelines, List<ExchangeSpec> exchanges) {
    public JobSpec {
        requireNonNull(name, "name is null");
        pipelines = List.copyOf(pipelines);
        exchanges = List.copyOf(exchanges);
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i).id() != i) {
                throw new IllegalArgumentException("exchange " + i + " has id " + exchanges.get(i).id());
            }
        }
    }
}

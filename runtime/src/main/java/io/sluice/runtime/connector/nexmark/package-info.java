/**
 * The Nexmark benchmark's event generator and the {@code nexmark} connector.
 *
 * <p>Two layers. The core knows nothing of Arrow, so that any host can run it (the connector
 * here, tests, benchmarks, a Flink source):
 * <ul>
 *   <li>{@link io.sluice.runtime.connector.nexmark.NexmarkConfig}: rate, proportions, base time,
 *       event count and seed; every event is a pure function of its event number and these.
 *   <li>{@link io.sluice.runtime.connector.nexmark.EventNumbers}: which kind each event number is,
 *       where the k-th event of a kind is, and event times.
 *   <li>{@link io.sluice.runtime.connector.nexmark.NexmarkGenerator}: one generator per kind, each
 *       filling an {@link io.sluice.runtime.connector.nexmark.EventBuffer} (primitive arrays and
 *       {@link io.sluice.runtime.connector.nexmark.StringColumn}s) with a range of that kind's
 *       events, making only the fields the buffer holds.
 * </ul>
 * The connector ({@link io.sluice.runtime.connector.nexmark.NexmarkSourceFactory}) maps a table's
 * columns to one kind's fields, deals the kind's events to parallel readers in chunks, paces them
 * to the clock when asked, and copies the buffers into Arrow vectors; a projected table's
 * buffers hold only its columns' fields.
 */
package io.sluice.runtime.connector.nexmark;

package io.sluice.bench;

import io.sluice.runtime.connector.nexmark.AuctionBuffer;
import io.sluice.runtime.connector.nexmark.BidBuffer;
import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import io.sluice.runtime.connector.nexmark.NexmarkGenerator;
import io.sluice.runtime.connector.nexmark.PersonBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Nexmark generator alone, on one thread, into a blackhole: events per second with persons,
 * auctions and bids in the default 1 : 3 : 46 proportions; bids alone; persons and auctions
 * alone. Each of the last two also with only the fields a query reads: Nexmark q0's of bids (all
 * but {@code channel} and {@code url}) and q2's ({@code auction}, {@code price}, {@code dateTime}),
 * q8's of persons ({@code id}, {@code name}, {@code dateTime}) and auctions ({@code seller},
 * {@code dateTime}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NexmarkGeneratorBenchmark {
    /** Blocks of 50 events per invocation: 100 persons, 300 auctions and 4,600 bids. */
    private static final int BLOCKS = 100;
    private static final int EVENTS = BLOCKS * 50;
    private static final int BIDS = BLOCKS * 46;
    private static final int PERSONS_AND_AUCTIONS = BLOCKS * 4;

    private NexmarkGenerator generator;
    private PersonBuffer persons;
    private AuctionBuffer auctions;
    private BidBuffer bids;
    private BidBuffer q0Bids;
    private BidBuffer q2Bids;
    private PersonBuffer q8Persons;
    private AuctionBuffer q8Auctions;
    private long block;

    @Setup
    public void setUp() {
        generator = new NexmarkGenerator(NexmarkConfig.defaults(1_767_225_600_000L));
        NexmarkConfig config = generator.config();
        if (config.totalProportion() != 50 || config.bidProportion() != 46) {
            throw new IllegalStateException("the benchmark counts events in blocks of 1 : 3 : 46");
        }
        persons = generator.persons().newBuffer(BLOCKS * config.personProportion());
        auctions = generator.auctions().newBuffer(BLOCKS * config.auctionProportion());
        bids = generator.bids().newBuffer(BIDS);
        q0Bids = generator.bids().newBuffer(BIDS,
                fields(EventKind.BID, "auction", "bidder", "price", "dateTime", "extra"));
        q2Bids = generator.bids().newBuffer(BIDS, fields(EventKind.BID, "auction", "price", "dateTime"));
        q8Persons = generator.persons().newBuffer(BLOCKS * config.personProportion(),
                fields(EventKind.PERSON, "id", "name", "dateTime"));
        q8Auctions = generator.auctions().newBuffer(BLOCKS * config.auctionProportion(),
                fields(EventKind.AUCTION, "seller", "dateTime"));
    }

    /** One call makes the {@value #EVENTS} events of 100 consecutive blocks; the score is events per second. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void allKinds(Blackhole blackhole) {
        generator.persons().generate(block, BLOCKS, persons);
        generator.auctions().generate(block * 3, BLOCKS * 3, auctions);
        generator.bids().generate(block * 46, BIDS, bids);
        block += BLOCKS;
        blackhole.consume(persons);
        blackhole.consume(auctions);
        blackhole.consume(bids);
    }

    /** One call makes {@value #BIDS} consecutive bids; the score is bids per second. */
    @Benchmark
    @OperationsPerInvocation(BIDS)
    public void bidsOnly(Blackhole blackhole) {
        makeBids(bids, blackhole);
    }

    /** Like {@link #bidsOnly}, making only the fields q0 and q1 read; the score is bids per second. */
    @Benchmark
    @OperationsPerInvocation(BIDS)
    public void bidsQ0Fields(Blackhole blackhole) {
        makeBids(q0Bids, blackhole);
    }

    /** Like {@link #bidsOnly}, making only the fields q2 reads; the score is bids per second. */
    @Benchmark
    @OperationsPerInvocation(BIDS)
    public void bidsQ2Fields(Blackhole blackhole) {
        makeBids(q2Bids, blackhole);
    }

    private void makeBids(BidBuffer buffer, Blackhole blackhole) {
        generator.bids().generate(block * 46, BIDS, buffer);
        block += BLOCKS;
        blackhole.consume(buffer);
    }

    /** One call makes the 400 persons and auctions of 100 consecutive blocks; the score is events per second. */
    @Benchmark
    @OperationsPerInvocation(PERSONS_AND_AUCTIONS)
    public void personsAndAuctions(Blackhole blackhole) {
        makePersonsAndAuctions(persons, auctions, blackhole);
    }

    /** Like {@link #personsAndAuctions}, making only the fields q8 reads; the score is events per second. */
    @Benchmark
    @OperationsPerInvocation(PERSONS_AND_AUCTIONS)
    public void personsAndAuctionsQ8Fields(Blackhole blackhole) {
        makePersonsAndAuctions(q8Persons, q8Auctions, blackhole);
    }

    private void makePersonsAndAuctions(PersonBuffer personBuffer, AuctionBuffer auctionBuffer, Blackhole blackhole) {
        generator.persons().generate(block, BLOCKS, personBuffer);
        generator.auctions().generate(block * 3, BLOCKS * 3, auctionBuffer);
        block += BLOCKS;
        blackhole.consume(personBuffer);
        blackhole.consume(auctionBuffer);
    }

    private static int[] fields(EventKind kind, String... names) {
        int[] fields = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = kind.fieldIndex(names[i]);
        }
        return fields;
    }
}

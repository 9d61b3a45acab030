package io.sluice.runtime.window;

import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.operator.OutputRows;

import io.sluice.runtime.aggregate.AccumulatorSnapshots;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.window.group.GroupByHashes;
import io.sluice.runtime.window.group.GroupKeySnapshots;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Session windows: per key, a row opens the window {@code [time, time + gap)}, and windows that
 * overlap or touch merge, so a session ends after more than a gap without rows. Each session's
 * accumulators live in a slot of one state; merging sessions merges their slots. Sessions fire,
 * oldest end first, when the watermark passes their end.
 */
final class SessionWindowOperator implements Operator, Checkpointed {
    private static final int LATE = -1;
    /** Below this many keys the hash is never compacted: rebuilding it would cost more than it frees. */
    private static final int COMPACT_MIN_KEYS = 1024;
    /** A session with its entry in the queue by end and its place in its key's list. */
    private static final long SESSION_BYTES = 96;
    /** A key's list of sessions, empty. */
    private static final long KEY_LIST_BYTES = 48;

    private final WindowAggregateOperatorFactory spec;
    private final AggregateKernel kernel;
    private final TaskContext context;
    private final Output output;
    private final long gap;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final OutputRows rows;
    private final WindowResults results;
    private final AccumulatorState slots;
    /** The keys seen since the last {@link #compactKeys}, which drops those without an open session. */
    private GroupByHash keys;
    private List<List<Session>> sessionsByKey = new ArrayList<>();
    private int openKeys;
    /**
     * Sessions by end, those that end together in the order they were opened (so that a restored
     * operator fires them in the same order); an entry is stale once its session grew or fired,
     * and is skipped then.
     */
    private final PriorityQueue<EndEntry> byEnd = new PriorityQueue<>(
            Comparator.comparingLong(EndEntry::end).thenComparingLong(entry -> entry.session.sequence));
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slotCount;
    /** The number the next session opened gets. */
    private long nextSequence;
    private long watermark = Watermarks.NONE;
    private int[] selection = new int[0];
    private int[] keyIds = new int[0];
    private int[] slotIds = new int[0];

    private record EndEntry(long end, Session session) {
        boolean isCurrent() {
            return !session.gone && session.end == end;
        }
    }

    /** One session of one key; {@code end} is exclusive (last row time + gap). */
    private static final class Session {
        int key;
        final int slot;
        final long sequence;
        long start;
        long end;
        boolean gone;

        Session(int key, int slot, long sequence, long start, long end) {
            this.key = key;
            this.slot = slot;
            this.sequence = sequence;
            this.start = start;
            this.end = end;
        }
    }

    SessionWindowOperator(WindowAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context,
                          Output output) {
        this.spec = spec;
        this.kernel = kernel;
        this.context = context;
        this.output = output;
        this.gap = spec.window().gap();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/SessionWindow", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the session window aggregation");
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.results = new WindowResults(spec, kernel, rows);
        this.keys = GroupByHashes.create(spec.inputSchema(), spec.keyColumns());
        this.slots = kernel.newState();
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (selection.length < count) {
            selection = new int[count];
            keyIds = new int[count];
            slotIds = new int[count];
        }
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(spec.timeColumn());
        long data = times.getDataBufferAddress();
        long validity = times.getValidityBufferAddress();
        int timed = 0;
        for (int row = 0; row < count; row++) {
            if ((MemoryUtil.getByte(validity + (row >> 3)) & (1 << (row & 7))) == 0) {
                context.metrics().reportMalformed(context.taskName(), "the window's time column is NULL", "row " + row);
            } else {
                selection[timed++] = row;
            }
        }
        keys.groupIds(batch, selection, timed, keyIds);
        List<int[]> merges = new ArrayList<>();
        int selected = 0;
        long late = 0;
        for (int j = 0; j < timed; j++) {
            long time = MemoryUtil.getLong(data + ((long) selection[j] << 3));
            int slot = assign(keyIds[j], time, merges);
            if (slot == LATE) {
                late++;
            } else {
                selection[selected] = selection[j];
                slotIds[selected++] = slot;
            }
        }
        if (late > 0) {
            context.metrics().addLateRecords(late);
        }
        slots.ensureCapacity(slotCount);
        kernel.accumulate(slots, slotIds, batch, selection, selected);
        // Merged sessions are folded in only now, after the rows that reached them before the merge.
        for (int[] merge : merges) {
            kernel.merge(slots, merge[1], slots, merge[0]);
            release(merge[0]);
        }
        memory.update(stateBytes());
    }

    /**
     * The slot of the session the row at {@code time} joins, merging the sessions its window
     * {@code [time, time + gap)} overlaps or touches (as Flink's sessions do); {@link #LATE} if it
     * joins none and its own window has fired. A row behind the watermark that reaches an open
     * session is not late: the session it joins has not fired.
     */
    private int assign(int key, long time, List<int[]> merges) {
        while (sessionsByKey.size() <= key) {
            sessionsByKey.add(new ArrayList<>(2));
        }
        List<Session> sessions = sessionsByKey.get(key);
        Session target = null;
        long start = time;
        long end = time + gap;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < sessions.size(); i++) {
                Session session = sessions.get(i);
                if (session == target || session.start > end || start > session.end) {
                    continue;
                }
                if (target == null) {
                    target = session;
                } else {
                    merges.add(new int[] {session.slot, target.slot});
                    session.gone = true;
                    sessions.remove(i--);
                }
                start = Math.min(start, session.start);
                end = Math.max(end, session.end);
                grew = true;
            }
        }
        if (target == null) {
            if (SliceAssigner.isFired(end, watermark)) {
                return LATE;
            }
            target = new Session(key, allocateSlot(), nextSequence++, start, end);
            if (sessions.isEmpty()) {
                openKeys++;
            }
            sessions.add(target);
            byEnd.add(new EndEntry(end, target));
        } else if (end != target.end) {
            target.start = start;
            target.end = end;
            byEnd.add(new EndEntry(end, target));
        } else {
            target.start = start;
        }
        return target.slot;
    }

    /** The keys, the accumulators, and the sessions (the queue by end counts the stale entries it still holds). */
    private long stateBytes() {
        return keys.estimatedBytes() + slots.estimatedBytes() + byEnd.size() * SESSION_BYTES
                + sessionsByKey.size() * KEY_LIST_BYTES;
    }

    private int allocateSlot() {
        return freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
    }

    private void release(int slot) {
        slots.clear(slot);
        freeSlots.push(slot);
    }

    @Override
    public void processWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        while (!byEnd.isEmpty() && SliceAssigner.isFired(byEnd.peek().end, watermark)) {
            EndEntry entry = byEnd.poll();
            if (!entry.isCurrent()) {
                continue;
            }
            Session session = entry.session();
            session.gone = true;
            results.write(keys, session.key, slots, session.slot, session.start, session.end);
            List<Session> sessions = sessionsByKey.get(session.key);
            sessions.remove(session);
            if (sessions.isEmpty()) {
                openKeys--;
            }
            release(session.slot);
        }
        rows.flush();
        compactKeys();
        memory.update(stateBytes());
        output.emitWatermark(newWatermark);
    }

    /**
     * Rebuilds the key hash with only the keys that have open sessions, once most keys have none,
     * so that the state follows the open sessions rather than every key ever seen.
     */
    private void compactKeys() {
        int seen = keys.groupCount();
        if (seen < COMPACT_MIN_KEYS || openKeys * 4 > seen) {
            return;
        }
        GroupByHash live = keys.emptyCopy();
        List<List<Session>> liveSessions = new ArrayList<>(openKeys);
        for (int key = 0; key < sessionsByKey.size(); key++) {
            List<Session> sessions = sessionsByKey.get(key);
            if (sessions.isEmpty()) {
                continue;
            }
            int liveKey = live.groupOf(keys, key);
            for (Session session : sessions) {
                session.key = liveKey;
            }
            liveSessions.add(sessions);
        }
        keys = live;
        sessionsByKey = liveSessions;
    }

    /**
     * The watermark; the keys; per key its sessions (bounds, slot, number), in the order merges
     * look at them; the slots' accumulators and which slots are free. The queue by end is made
     * again from the sessions.
     */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            out.writeLong(watermark);
            out.writeLong(nextSequence);
            GroupKeySnapshots.write(keys, spec.inputSchema(), spec.keyColumns(), allocator, out);
            out.writeInt(sessionsByKey.size());
            for (List<Session> sessions : sessionsByKey) {
                out.writeInt(sessions.size());
                for (Session session : sessions) {
                    out.writeLong(session.start);
                    out.writeLong(session.end);
                    out.writeInt(session.slot);
                    out.writeLong(session.sequence);
                }
            }
            out.writeInt(slotCount);
            AccumulatorSnapshots.write(slots, slotCount, out);
            int[] free = freeSlots.stream().mapToInt(Integer::intValue).toArray();
            out.writeInts(free, free.length);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            watermark = in.readLong();
            nextSequence = in.readLong();
            GroupKeySnapshots.read(keys, spec.inputSchema(), spec.keyColumns(), allocator, in);
            int keyCount = in.readInt();
            for (int key = 0; key < keyCount; key++) {
                int count = in.readInt();
                List<Session> sessions = new ArrayList<>(2);
                for (int i = 0; i < count; i++) {
                    long start = in.readLong();
                    long end = in.readLong();
                    Session session = new Session(key, in.readInt(), in.readLong(), start, end);
                    sessions.add(session);
                    byEnd.add(new EndEntry(end, session));
                }
                if (!sessions.isEmpty()) {
                    openKeys++;
                }
                sessionsByKey.add(sessions);
            }
            slotCount = in.readInt();
            AccumulatorSnapshots.read(slots, slotCount, in);
            for (int slot : in.readInts()) {
                freeSlots.add(slot);
            }
            memory.update(stateBytes());
        });
    }

    /** What the plan fixes about the state: the gap, the key columns and the accumulators' fields. */
    private String shape() {
        return spec.window() + " by " + GroupKeySnapshots.keySchema(spec.inputSchema(), spec.keyColumns()) + " with "
                + AccumulatorSnapshots.layout(slots);
    }

    @Override
    public void finish() {
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            memory.close();
            rows.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}

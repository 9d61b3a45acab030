package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
import static io.sluice.runtime.connector.nexmark.EventRandom.next;
import static java.util.Objects.requireNonNull;

/**
 * Makes persons: a name, city and state from small tables, a random e-mail address and credit
 * card number, and {@code extra} padding that brings a person to about 200 bytes.
 */
public final class PersonGenerator implements EventGenerator<PersonBuffer> {
    private static final byte[] DOT_COM = {'.', 'c', 'o', 'm'};

    private final EventNumbers numbers;
    private final NexmarkStrings strings;
    private final long seed;
    private final int persons;
    private final int total;

    PersonGenerator(NexmarkConfig config, EventNumbers numbers, NexmarkStrings strings) {
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.strings = requireNonNull(strings, "strings is null");
        this.seed = config.seed();
        this.persons = config.personProportion();
        this.total = config.totalProportion();
    }

    @Override
    public EventKind kind() {
        return EventKind.PERSON;
    }

    @Override
    public PersonBuffer newBuffer(int capacity) {
        return new PersonBuffer(capacity);
    }

    @Override
    public void generate(long firstIndex, int count, PersonBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        BytePool names = strings.personNames();
        BytePool cities = strings.cities();
        BytePool states = strings.states();
        byte[] letters = strings.letters();
        buffer.name().pointTo(names.bytes());
        buffer.city().pointTo(cities.bytes());
        buffer.state().pointTo(states.bytes());
        buffer.extra().pointTo(letters);
        long block = firstIndex / persons;
        int inBlock = (int) (firstIndex % persons);
        for (int row = 0; row < count; row++) {
            long eventNumber = block * total + inBlock;
            buffer.id()[row] = EventNumbers.FIRST_PERSON_ID + firstIndex + row;
            buffer.dateTime()[row] = numbers.timestamp(eventNumber);

            long draw = EventRandom.first(seed, eventNumber);
            int name = below(low(draw), names.size());
            int city = below(high(draw), cities.size());
            buffer.name().set(row, names.offset(name), names.length(name));
            buffer.city().set(row, cities.offset(city), cities.length(city));
            draw = next(draw);
            int state = below(low(draw), states.size());
            buffer.state().set(row, states.offset(state), states.length(state));
            int emailLength = email(buffer, row, letters, high(draw), next(draw));
            draw = next(next(draw));
            creditCard(buffer, row, draw, next(draw));
            draw = next(next(draw));
            int currentSize = 8 + names.length(name) + emailLength + PersonBuffer.CREDIT_CARD_SLOT
                    + cities.length(city) + states.length(state);
            int extraLength = EventModel.extraLength(low(draw), currentSize, EventModel.PERSON_BYTES);
            buffer.extra().set(row, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), extraLength);

            if (++inBlock == persons) {
                inBlock = 0;
                block++;
            }
        }
        buffer.setSize(count);
    }

    /** Writes {@code local@domain.com}, 3 to 6 and 3 to 4 letters, into the row's slot; returns its length. */
    private static int email(PersonBuffer buffer, int row, byte[] letters, int lengthBits, long draw) {
        byte[] out = buffer.emailBytes();
        int start = row * PersonBuffer.EMAIL_SLOT;
        int localLength = 3 + below(lengthBits, 4);
        int domainLength = 3 + below(low(draw), 2);
        int at = start + localLength;
        System.arraycopy(letters, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), out, start, localLength);
        out[at] = '@';
        System.arraycopy(letters, (high(draw) >>> 16) & (NexmarkStrings.TEXT_SIZE - 1), out, at + 1, domainLength);
        System.arraycopy(DOT_COM, 0, out, at + 1 + domainLength, DOT_COM.length);
        int length = localLength + 1 + domainLength + DOT_COM.length;
        buffer.emailAddress().set(row, start, length);
        return length;
    }

    /** Writes four groups of four digits, space-separated, into the row's slot. */
    private static void creditCard(PersonBuffer buffer, int row, long first, long second) {
        byte[] out = buffer.creditCardBytes();
        int start = row * PersonBuffer.CREDIT_CARD_SLOT;
        fourDigits(out, start, below(low(first), 10_000));
        out[start + 4] = ' ';
        fourDigits(out, start + 5, below(high(first), 10_000));
        out[start + 9] = ' ';
        fourDigits(out, start + 10, below(low(second), 10_000));
        out[start + 14] = ' ';
        fourDigits(out, start + 15, below(high(second), 10_000));
        buffer.creditCard().set(row, start, PersonBuffer.CREDIT_CARD_SLOT);
    }

    private static void fourDigits(byte[] out, int position, int value) {
        out[position] = (byte) ('0' + value / 1000);
        out[position + 1] = (byte) ('0' + value / 100 % 10);
        out[position + 2] = (byte) ('0' + value / 10 % 10);
        out[position + 3] = (byte) ('0' + value % 10);
    }
}

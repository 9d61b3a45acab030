package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
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
    public PersonBuffer newBuffer(int capacity, int[] fields) {
        return new PersonBuffer(capacity, fields);
    }

    @Override
    public void generate(long firstIndex, int count, PersonBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        long[] id = buffer.longsIfHeld(PersonBuffer.ID);
        StringColumn name = buffer.stringsIfHeld(PersonBuffer.NAME);
        StringColumn emailAddress = buffer.stringsIfHeld(PersonBuffer.EMAIL_ADDRESS);
        StringColumn creditCard = buffer.stringsIfHeld(PersonBuffer.CREDIT_CARD);
        StringColumn city = buffer.stringsIfHeld(PersonBuffer.CITY);
        StringColumn state = buffer.stringsIfHeld(PersonBuffer.STATE);
        long[] dateTime = buffer.longsIfHeld(PersonBuffer.DATE_TIME);
        StringColumn extra = buffer.stringsIfHeld(PersonBuffer.EXTRA);
        BytePool names = strings.personNames();
        BytePool cities = strings.cities();
        BytePool states = strings.states();
        byte[] letters = strings.letters();
        if (name != null) {
            name.pointTo(names.bytes());
        }
        if (city != null) {
            city.pointTo(cities.bytes());
        }
        if (state != null) {
            state.pointTo(states.bytes());
        }
        if (extra != null) {
            extra.pointTo(letters);
        }
        byte[] emailBytes = buffer.emailBytes();
        byte[] creditCardBytes = buffer.creditCardBytes();
        boolean laterDraws = state != null || emailAddress != null || creditCard != null || extra != null;

        long block = firstIndex / persons;
        int inBlock = (int) (firstIndex % persons);
        for (int row = 0; row < count; row++) {
            long eventNumber = block * total + inBlock;
            if (id != null) {
                id[row] = EventNumbers.FIRST_PERSON_ID + firstIndex + row;
            }
            if (dateTime != null) {
                dateTime[row] = numbers.timestamp(eventNumber);
            }

            long stream = EventRandom.stream(seed, eventNumber);
            long draw = EventRandom.draw(stream, 0);
            int nameIndex = below(low(draw), names.size());
            int cityIndex = below(high(draw), cities.size());
            if (name != null) {
                name.set(row, names.offset(nameIndex), names.length(nameIndex));
            }
            if (city != null) {
                city.set(row, cities.offset(cityIndex), cities.length(cityIndex));
            }
            if (laterDraws) {
                draw = EventRandom.draw(stream, 1);
                int stateIndex = below(low(draw), states.size());
                if (state != null) {
                    state.set(row, states.offset(stateIndex), states.length(stateIndex));
                }
                int localLength = 3 + below(high(draw), 4);
                draw = EventRandom.draw(stream, 2);
                int domainLength = 3 + below(low(draw), 2);
                int emailLength = localLength + 1 + domainLength + DOT_COM.length;
                if (emailAddress != null) {
                    int start = row * PersonBuffer.EMAIL_SLOT;
                    email(emailBytes, start, letters, localLength, domainLength, high(draw));
                    emailAddress.set(row, start, emailLength);
                }
                if (creditCard != null) {
                    int start = row * PersonBuffer.CREDIT_CARD_SLOT;
                    creditCard(creditCardBytes, start, EventRandom.draw(stream, 3), EventRandom.draw(stream, 4));
                    creditCard.set(row, start, PersonBuffer.CREDIT_CARD_SLOT);
                }
                if (extra != null) {
                    draw = EventRandom.draw(stream, 5);
                    int currentSize = 8 + names.length(nameIndex) + emailLength + PersonBuffer.CREDIT_CARD_SLOT
                            + cities.length(cityIndex) + states.length(stateIndex);
                    int extraLength = EventModel.extraLength(low(draw), currentSize, EventModel.PERSON_BYTES);
                    extra.set(row, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), extraLength);
                }
            }

            if (++inBlock == persons) {
                inBlock = 0;
                block++;
            }
        }
        buffer.setSize(count);
    }

    /** Writes {@code local@domain.com} at {@code start}, its two parts cut from random letters. */
    private static void email(byte[] out, int start, byte[] letters, int localLength, int domainLength,
            int offsetBits) {
        int at = start + localLength;
        System.arraycopy(letters, offsetBits & (NexmarkStrings.TEXT_SIZE - 1), out, start, localLength);
        out[at] = '@';
        System.arraycopy(letters, (offsetBits >>> 16) & (NexmarkStrings.TEXT_SIZE - 1), out, at + 1, domainLength);
        System.arraycopy(DOT_COM, 0, out, at + 1 + domainLength, DOT_COM.length);
    }

    /** Writes four groups of four digits, space-separated, at {@code start}. */
    private static void creditCard(byte[] out, int start, long first, long second) {
        fourDigits(out, start, below(low(first), 10_000));
        out[start + 4] = ' ';
        fourDigits(out, start + 5, below(high(first), 10_000));
        out[start + 9] = ' ';
        fourDigits(out, start + 10, below(low(second), 10_000));
        out[start + 14] = ' ';
        fourDigits(out, start + 15, below(high(second), 10_000));
    }

    private static void fourDigits(byte[] out, int position, int value) {
        out[position] = (byte) ('0' + value / 1000);
        out[position + 1] = (byte) ('0' + value / 100 % 10);
        out[position + 2] = (byte) ('0' + value / 10 % 10);
        out[position + 3] = (byte) ('0' + value % 10);
    }
}

package io.sluice.runtime.connector.nexmark;

/**
 * A batch of persons in columns; see {@link EventBuffer}. Each accessor fails for a field the
 * buffer does not hold. E-mail addresses and credit card numbers are written per person, into
 * arrays this buffer owns (one fixed-size slot per row), when the buffer holds them.
 */
public final class PersonBuffer extends EventBuffer {
    /** Room for the longest address: 6 letters, {@code @}, 4 letters, {@code .com}. */
    static final int EMAIL_SLOT = 16;
    /** {@code dddd dddd dddd dddd}. */
    static final int CREDIT_CARD_SLOT = 19;

    static final int ID = EventKind.PERSON.fieldIndex("id");
    static final int NAME = EventKind.PERSON.fieldIndex("name");
    static final int EMAIL_ADDRESS = EventKind.PERSON.fieldIndex("emailAddress");
    static final int CREDIT_CARD = EventKind.PERSON.fieldIndex("creditCard");
    static final int CITY = EventKind.PERSON.fieldIndex("city");
    static final int STATE = EventKind.PERSON.fieldIndex("state");
    static final int DATE_TIME = EventKind.PERSON.fieldIndex("dateTime");
    static final int EXTRA = EventKind.PERSON.fieldIndex("extra");

    /** Null when the buffer does not hold the field. */
    private final byte[] emailBytes;
    private final byte[] creditCardBytes;

    PersonBuffer(int capacity, int[] fields) {
        super(EventKind.PERSON, capacity, fields);
        this.emailBytes = holds(EMAIL_ADDRESS) ? new byte[capacity * EMAIL_SLOT + StringColumn.SLACK] : null;
        this.creditCardBytes = holds(CREDIT_CARD) ? new byte[capacity * CREDIT_CARD_SLOT + StringColumn.SLACK] : null;
        if (emailBytes != null) {
            emailAddress().pointTo(emailBytes);
        }
        if (creditCardBytes != null) {
            creditCard().pointTo(creditCardBytes);
        }
    }

    /** True when the buffer holds e-mail addresses or credit card numbers, which it writes into its own arrays. */
    @Override
    public boolean rewritesStrings() {
        return emailBytes != null || creditCardBytes != null;
    }

    public long[] id() {
        return longs(ID);
    }

    public StringColumn name() {
        return strings(NAME);
    }

    public StringColumn emailAddress() {
        return strings(EMAIL_ADDRESS);
    }

    public StringColumn creditCard() {
        return strings(CREDIT_CARD);
    }

    public StringColumn city() {
        return strings(CITY);
    }

    public StringColumn state() {
        return strings(STATE);
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return longs(DATE_TIME);
    }

    public StringColumn extra() {
        return strings(EXTRA);
    }

    byte[] emailBytes() {
        return emailBytes;
    }

    byte[] creditCardBytes() {
        return creditCardBytes;
    }
}

package io.sluice.runtime.connector.nexmark;

/**
 * A batch of persons in columns; see {@link EventBuffer}. E-mail addresses and credit card
 * numbers are written per person, into arrays this buffer owns (one fixed-size slot per row).
 */
public final class PersonBuffer extends EventBuffer {
    /** Room for the longest address: 6 letters, {@code @}, 4 letters, {@code .com}. */
    static final int EMAIL_SLOT = 16;
    /** {@code dddd dddd dddd dddd}. */
    static final int CREDIT_CARD_SLOT = 19;

    private final long[] id = longs("id");
    private final StringColumn name = strings("name");
    private final StringColumn emailAddress = strings("emailAddress");
    private final StringColumn creditCard = strings("creditCard");
    private final StringColumn city = strings("city");
    private final StringColumn state = strings("state");
    private final long[] dateTime = longs("dateTime");
    private final StringColumn extra = strings("extra");
    private final byte[] emailBytes;
    private final byte[] creditCardBytes;

    public PersonBuffer(int capacity) {
        super(EventKind.PERSON, capacity);
        this.emailBytes = new byte[capacity * EMAIL_SLOT + StringColumn.SLACK];
        this.creditCardBytes = new byte[capacity * CREDIT_CARD_SLOT + StringColumn.SLACK];
        emailAddress.pointTo(emailBytes);
        creditCard.pointTo(creditCardBytes);
    }

    public long[] id() {
        return id;
    }

    public StringColumn name() {
        return name;
    }

    public StringColumn emailAddress() {
        return emailAddress;
    }

    public StringColumn creditCard() {
        return creditCard;
    }

    public StringColumn city() {
        return city;
    }

    public StringColumn state() {
        return state;
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return dateTime;
    }

    public StringColumn extra() {
        return extra;
    }

    byte[] emailBytes() {
        return emailBytes;
    }

    byte[] creditCardBytes() {
        return creditCardBytes;
    }
}

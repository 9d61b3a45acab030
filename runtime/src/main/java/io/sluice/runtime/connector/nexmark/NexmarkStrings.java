package io.sluice.runtime.connector.nexmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text every event's strings are slices of, made once per seed: small tables (names, cities,
 * states, channels and their urls) and two large arrays of random text from which item names,
 * descriptions, e-mail parts and the {@code extra} padding are cut at random offsets.
 * Immutable once made; shared by every generator of the sequence.
 */
final class NexmarkStrings {
    /** Kept small so that queries grouping by them find matches in short sequences. */
    private static final List<String> US_STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
    private static final List<String> US_CITIES = List.of("Phoenix", "Los Angeles", "San Francisco", "Boise",
            "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne");
    private static final List<String> FIRST_NAMES = List.of("Peter", "Paul", "Luke", "John", "Saul", "Vicky",
            "Kate", "Julie", "Sarah", "Deiter", "Walter");
    private static final List<String> LAST_NAMES = List.of("Shultz", "Abrams", "Spencer", "White", "Bartels",
            "Walton", "Smith", "Jones", "Noris");
    private static final List<String> HOT_CHANNELS = List.of("Google", "Facebook", "Baidu", "Apple");
    /** Channels other than the hot ones are {@code channel-0} to {@code channel-9999}. */
    private static final int OTHER_CHANNELS = 10_000;

    /** Random text is cut at offsets below this size (a power of two, small enough to stay in cache). */
    static final int TEXT_SIZE = 1 << 16;
    /** The longest slice that can be cut from the random text (less {@link StringColumn#SLACK}). */
    static final int MAX_SLICE = 1024;

    private static final byte[] URL_PREFIX = ascii("https://www.nexmark.com/");
    private static final byte[] URL_SUFFIX = ascii("item.htm?query=1");
    private static final byte[] CHANNEL_PREFIX = ascii("channel-");
    private static final byte[] CHANNEL_ID = ascii("&channel_id=");

    private final BytePool personNames;
    private final BytePool cities;
    private final BytePool states;
    private final BytePool channels;
    private final BytePool urls;
    private final byte[] letters;
    private final byte[] words;

    NexmarkStrings(long seed) {
        List<String> names = new ArrayList<>();
        for (String first : FIRST_NAMES) {
            for (String last : LAST_NAMES) {
                names.add(first + " " + last);
            }
        }
        this.personNames = BytePool.of(names);
        this.cities = BytePool.of(US_CITIES);
        this.states = BytePool.of(US_STATES);
        // streams of their own: no event's draws start at these seeds
        long textSeed = seed ^ 0x7465787431L;
        this.letters = randomText(textSeed, false);
        this.words = randomText(textSeed + 1, true);
        BytePool.Builder channelBuilder = new BytePool.Builder();
        BytePool.Builder urlBuilder = new BytePool.Builder();
        long urlStream = EventRandom.stream(seed ^ 0x75726C73L, 0);
        long urlDraws = 0;
        for (int i = 0; i < HOT_CHANNELS.size() + OTHER_CHANNELS; i++) {
            urlDraws = appendBaseUrl(urlBuilder, urlStream, urlDraws);
            if (i < HOT_CHANNELS.size()) {
                channelBuilder.append(ascii(HOT_CHANNELS.get(i)));
            } else {
                int channel = i - HOT_CHANNELS.size();
                channelBuilder.append(CHANNEL_PREFIX).appendDecimal(channel);
                // as in Flink Nexmark, nine in ten channels' urls carry a channel id
                if (EventRandom.below(EventRandom.low(EventRandom.draw(urlStream, urlDraws++)), 10) > 0) {
                    urlBuilder.append(CHANNEL_ID).appendDecimal(Math.abs((long) Integer.reverse(channel)));
                }
            }
            channelBuilder.endValue();
            urlBuilder.endValue();
        }
        this.channels = channelBuilder.build();
        this.urls = urlBuilder.build();
    }

    /** How many channels there are; the first {@link #hotChannels()} are the hot ones. */
    int channelCount() {
        return channels.size();
    }

    static int hotChannels() {
        return HOT_CHANNELS.size();
    }

    BytePool personNames() {
        return personNames;
    }

    BytePool cities() {
        return cities;
    }

    BytePool states() {
        return states;
    }

    /** Channel names; {@link #urls()} holds each channel's url at the same index. */
    BytePool channels() {
        return channels;
    }

    BytePool urls() {
        return urls;
    }

    /** Random lowercase letters, {@code TEXT_SIZE + MAX_SLICE} long. */
    byte[] letters() {
        return letters;
    }

    /** Random lowercase letters with a space about every 13 characters, {@code TEXT_SIZE + MAX_SLICE} long. */
    byte[] words() {
        return words;
    }

    private static byte[] randomText(long seed, boolean withSpaces) {
        byte[] text = new byte[TEXT_SIZE + MAX_SLICE];
        long stream = EventRandom.stream(seed, 0);
        for (int i = 0; i < text.length; i++) {
            long draw = EventRandom.draw(stream, i);
            boolean space = withSpaces && EventRandom.below(EventRandom.high(draw), 13) == 0;
            text[i] = space ? (byte) ' ' : (byte) ('a' + EventRandom.below(EventRandom.low(draw), 26));
        }
        return text;
    }

    /**
     * Appends {@code https://www.nexmark.com/xxx/xxx/xxx/item.htm?query=1} with draws of
     * {@code stream} from {@code index} on; returns the index of the next draw not used.
     */
    private static long appendBaseUrl(BytePool.Builder url, long stream, long index) {
        long next = index;
        url.append(URL_PREFIX);
        for (int part = 0; part < 3; part++) {
            int length = 3 + EventRandom.below(EventRandom.high(EventRandom.draw(stream, next++)), 2);
            for (int i = 0; i < length; i++) {
                long draw = EventRandom.draw(stream, next++);
                boolean underscore = EventRandom.below(EventRandom.high(draw), 13) == 0;
                url.append(underscore ? (byte) '_' : (byte) ('a' + EventRandom.below(EventRandom.low(draw), 26)));
            }
            url.append((byte) '/');
        }
        url.append(URL_SUFFIX);
        return next;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

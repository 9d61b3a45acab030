package io.sluice.engine.cdc;

import java.util.List;

/**
 * The changes of a database table {@code products (id, name, qty)} as Debezium writes them, and
 * the table's state after them, worked out by hand: the input of the CDC tests.
 */
public final class ProductChanges {
    /** The columns of a Sluice table over the changes, keyed by {@code id}. */
    public static final String COLUMNS = "id INT, name STRING, qty INT, PRIMARY KEY (id) NOT ENFORCED";

    /**
     * A snapshot of apple and pear, then: plum created; apple 10 → 12; pear deleted; plum renamed
     * prune; fig created; apple 12 → 15; fig deleted; pear created again with 9.
     */
    public static final List<String> EVENTS = List.of(
            read(1, "apple", 10),
            read(2, "pear", 5),
            "{\"before\":null,\"after\":" + row(3, "plum", 7) + ",\"source\":{\"table\":\"products\"},\"op\":\"c\","
                    + "\"ts_ms\":1767225600000}",
            update(1, "apple", 10, "apple", 12),
            "{\"before\":" + row(2, "pear", 5) + ",\"after\":null,\"op\":\"d\"}",
            update(3, "plum", 7, "prune", 7),
            "{\"before\":null,\"after\":" + row(4, "fig", 1) + ",\"op\":\"c\"}",
            update(1, "apple", 12, "apple", 15),
            "{\"before\":" + row(4, "fig", 1) + ",\"after\":null,\"op\":\"d\"}",
            "{\"before\":null,\"after\":" + row(2, "pear", 9) + ",\"op\":\"c\"}");

    /** The table after every change, by id: apple ends at 15, pear was deleted and came back with 9, plum is prune, fig is gone. */
    public static final List<String> FINAL_STATE = List.of("1|apple|15", "2|pear|9", "3|prune|7");

    private ProductChanges() {
    }

    private static String read(int id, String name, int qty) {
        return "{\"before\":null,\"after\":" + row(id, name, qty) + ",\"op\":\"r\"}";
    }

    private static String update(int id, String name, int qty, String newName, int newQty) {
        return "{\"before\":" + row(id, name, qty) + ",\"after\":" + row(id, newName, newQty) + ",\"op\":\"u\"}";
    }

    private static String row(int id, String name, int qty) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"qty\":" + qty + "}";
    }
}

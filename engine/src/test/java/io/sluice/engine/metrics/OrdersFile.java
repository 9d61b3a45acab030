package io.sluice.engine.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A CSV file of four orders whose third line's price is not a decimal, and the stream that reads it. */
public final class OrdersFile {
    static final String ORDERS = """
            1,apple,0.50,2026-01-01 00:00:01
            2,pear,1.25,2026-01-01 00:00:02
            3,fig,abc,2026-01-01 00:00:03
            4,apple,3.00,2026-01-01 00:00:04
            """;

    private OrdersFile() {
    }

    /** Writes the file into {@code dir} and answers the CREATE STREAM of {@code orders} over it. */
    public static String create(Path dir) throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, ORDERS);
        return "CREATE STREAM orders (id INT, item VARCHAR, price DECIMAL(10, 2), ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                + "WITH ('connector' = 'file', 'path' = '" + file + "', 'format' = 'csv')";
    }
}

package io.sluice.runtime.state;

import java.math.BigDecimal;
import java.util.List;

/** The type of a value in a state snapshot, written before it. */
enum StateValueTag {
    NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, BYTES, LIST;

    static StateValueTag of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof BigDecimal) {
            return DECIMAL;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof byte[]) {
            return BYTES;
        }
        if (value instanceof List<?>) {
            return LIST;
        }
        throw new IllegalArgumentException("state cannot hold a " + value.getClass().getName());
    }
}

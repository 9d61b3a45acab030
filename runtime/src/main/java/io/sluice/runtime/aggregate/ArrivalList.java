package io.sluice.runtime.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-null values of one group in the order their rows came: what a retractable
 * {@code FIRST_VALUE}, {@code LAST_VALUE} or {@code LISTAGG} keeps, so that taking a row out
 * leaves the values of the rows that remain. A retraction takes out the earliest row with an
 * equal value, as Flink's retracting list aggregates do.
 */
public final class ArrivalList {
    private final ArrayList<Object> values;

    public ArrivalList() {
        this.values = new ArrayList<>();
    }

    private ArrivalList(List<?> values) {
        this.values = new ArrayList<>(values);
    }

    public void add(Object value) {
        values.add(value);
    }

    /** Takes out the earliest row holding {@code value}; false if none did (the retraction is ignored). */
    public boolean remove(Object value) {
        return values.remove(value);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value of the earliest row; the list must not be empty. */
    public Object first() {
        return values.get(0);
    }

    /** The value of the latest row; the list must not be empty. */
    public Object last() {
        return values.get(values.size() - 1);
    }

    /** The values joined by {@code separator}, in arrival order. */
    public String join(String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(values.get(i));
        }
        return text.toString();
    }

    /** The values, for a state snapshot. */
    List<Object> toList() {
        return values;
    }

    static ArrivalList fromList(List<?> list) {
        return new ArrivalList(list);
    }
}

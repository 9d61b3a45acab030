package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.DecoderFactory;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How an {@code upsert-kafka} record makes a row: its key decodes into the primary key's columns,
 * its value into the value's columns (all of them, or those that are not key fields with
 * {@code 'value.fields-include' = 'EXCEPT_KEY'}); a record with a value is an upsert ({@code +U}),
 * one without (a tombstone) deletes its key ({@code -D}). Column numbers count the table's
 * physical columns (metadata columns left out).
 *
 * @param keySchema the key's columns as its format names them (without {@code 'key.fields-prefix'})
 */
record UpsertLayout(DecoderFactory keys, Schema keySchema, int[] keyColumns, int[] valueColumns) {
    UpsertLayout {
        requireNonNull(keys, "keys is null");
        requireNonNull(keySchema, "keySchema is null");
        keyColumns = keyColumns.clone();
        valueColumns = valueColumns.clone();
    }
}

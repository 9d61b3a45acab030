package io.sluice.runtime.changelog;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The row-kind column of changelog batches. A stream whose rows may update or delete earlier ones
 * carries one more column after its own: a non-null {@code TINYINT} named {@link #COLUMN} holding
 * each row's {@link RowKind#code()}. An append-only stream has no such column and pays nothing;
 * the planner knows which streams carry it (their changelog mode), so operators are told, not
 * left to look.
 */
public final class RowKinds {
    /** The name of the row-kind column; {@code $} keeps it apart from any column a user declares. */
    public static final String COLUMN = "$row_kind";

    public static final Field FIELD = new Field(COLUMN, FieldType.notNullable(new ArrowType.Int(8, true)), null);

    private RowKinds() {
    }

    /** The schema of a changelog of rows of {@code schema}: its columns, then the row kind. */
    public static Schema withRowKind(Schema schema) {
        List<Field> fields = new ArrayList<>(schema.getFields());
        fields.add(FIELD);
        return new Schema(fields);
    }

    /** True if the batch's last column is the row kind. */
    public static boolean carried(VectorSchemaRoot batch) {
        List<Field> fields = batch.getSchema().getFields();
        return !fields.isEmpty() && fields.get(fields.size() - 1).getName().equals(COLUMN);
    }

    /** The row-kind column of a changelog batch: its last. */
    public static TinyIntVector of(VectorSchemaRoot batch) {
        return (TinyIntVector) batch.getVector(batch.getFieldVectors().size() - 1);
    }

    /** The kind of one row of a changelog batch. */
    public static RowKind at(VectorSchemaRoot batch, int row) {
        return RowKind.ofCode(of(batch).get(row));
    }

    /** Sets the kind of one row, growing the column as needed. */
    public static void set(TinyIntVector kinds, int row, RowKind kind) {
        kinds.setSafe(row, kind.code());
    }
}

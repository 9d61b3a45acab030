package io.sluice.engine.cli;

import io.sluice.engine.result.ResultColumn;
import java.sql.Types;
import java.util.List;

/**
 * The columns of a text table: label, width, and whether values align right (numbers) and may be
 * shortened to fit (text). A live result's widths come from the column types, as the rows are
 * not known when the header is printed; a known result's widths come from its values.
 */
final class TableLayout {
    /** Text columns of a live result are at most this wide; longer values are shortened. */
    private static final int MAX_TEXT_WIDTH = 30;
    private static final int MIN_TEXT_WIDTH = 8;
    private static final String NULL = "NULL";

    private final List<ResultColumn> columns;
    private final List<String> labels;
    private final int[] widths;
    private final boolean[] rightAligned;
    private final boolean[] text;

    private TableLayout(List<ResultColumn> columns, int[] widths, boolean[] rightAligned, boolean[] text) {
        this.columns = List.copyOf(columns);
        this.labels = labels(columns);
        this.widths = widths;
        this.rightAligned = rightAligned;
        this.text = text;
    }

    /**
     * Widths from the column types and labels, with text columns narrowed (down to a minimum) so
     * that a line fits in {@code maxLineWidth} characters; 0 means no limit.
     */
    static TableLayout forTypes(List<ResultColumn> columns, int maxLineWidth) {
        int n = columns.size();
        int[] widths = new int[n];
        boolean[] right = new boolean[n];
        boolean[] text = new boolean[n];
        for (int i = 0; i < n; i++) {
            ResultColumn column = columns.get(i);
            right[i] = isNumber(column);
            text[i] = isText(column);
            int width = Math.max(typeWidth(column), column.name().length());
            widths[i] = column.nullable() ? Math.max(width, NULL.length()) : width;
        }
        if (maxLineWidth > 0) {
            narrow(columns, widths, text, maxLineWidth);
        }
        return new TableLayout(columns, widths, right, text);
    }

    /** Widths that fit every label and value; nothing is shortened. */
    static TableLayout forValues(List<ResultColumn> columns, List<Object[]> rows) {
        int n = columns.size();
        int[] widths = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            right[i] = isNumber(columns.get(i));
            widths[i] = columns.get(i).name().length();
        }
        for (Object[] row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], cell(row[i], columns.get(i)).length());
            }
        }
        return new TableLayout(columns, widths, right, new boolean[n]);
    }

    /** What the table shows for a value of a column: its text on one line, or {@code NULL}. */
    String cell(int column, Object value) {
        return cell(value, columns.get(column));
    }

    private static String cell(Object value, ResultColumn column) {
        if (value == null) {
            return NULL;
        }
        String text = ValueText.format(value, column);
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0
                ? text
                : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    List<String> labels() {
        return labels;
    }

    int columnCount() {
        return widths.length;
    }

    int width(int column) {
        return widths[column];
    }

    boolean rightAligned(int column) {
        return rightAligned[column];
    }

    /** Whether a value wider than the column is shortened; other values stick out instead. */
    boolean shortens(int column) {
        return text[column];
    }

    /** Characters in a line of a table with these column widths. */
    private static int lineWidth(int[] widths) {
        int width = 1;
        for (int w : widths) {
            width += w + 3;
        }
        return width;
    }

    private static void narrow(List<ResultColumn> columns, int[] widths, boolean[] text, int maxLineWidth) {
        int excess = lineWidth(widths) - maxLineWidth;
        while (excess > 0) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                int min = Math.max(MIN_TEXT_WIDTH, columns.get(i).name().length());
                if (text[i] && widths[i] > min && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            excess--;
        }
    }

    private static List<String> labels(List<ResultColumn> columns) {
        return columns.stream().map(ResultColumn::name).toList();
    }

    private static boolean isNumber(ResultColumn column) {
        return switch (column.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> true;
            default -> false;
        };
    }

    private static boolean isText(ResultColumn column) {
        return column.jdbcType() == Types.VARCHAR || column.jdbcType() == Types.CHAR;
    }

    /** The widest text a value of the type takes (numbers with their sign). */
    private static int typeWidth(ResultColumn column) {
        return switch (column.jdbcType()) {
            case Types.BOOLEAN -> "false".length();
            case Types.TINYINT -> "-128".length();
            case Types.SMALLINT -> "-32768".length();
            case Types.INTEGER -> "-2147483648".length();
            case Types.BIGINT -> "-9223372036854775808".length();
            case Types.REAL -> "-1.17549435E-38".length();
            case Types.FLOAT, Types.DOUBLE -> "-2.2250738585072014E-308".length();
            case Types.DECIMAL, Types.NUMERIC -> decimalWidth(column.precision(), column.scale());
            case Types.DATE -> "2026-01-01".length();
            case Types.TIMESTAMP -> "2026-01-01 00:00:00".length() + fractionWidth(column.precision());
            case Types.TIME -> "00:00:00".length() + fractionWidth(column.precision());
            case Types.CHAR, Types.VARCHAR -> column.precision() > 0
                    ? Math.min(column.precision(), MAX_TEXT_WIDTH) : MAX_TEXT_WIDTH;
            default -> column.typeName().startsWith("INTERVAL") ? "+0 00:00:00.000".length() : MAX_TEXT_WIDTH;
        };
    }

    /** The point and the digits of a second's fraction, for a time or timestamp of the precision. */
    private static int fractionWidth(int precision) {
        return precision > 0 ? precision + 1 : 0;
    }

    /** A sign, the digits before the point (at least a 0), and the point with the scale's digits. */
    private static int decimalWidth(int precision, int scale) {
        return 1 + Math.max(precision - scale, 1) + (scale > 0 ? scale + 1 : 0);
    }
}

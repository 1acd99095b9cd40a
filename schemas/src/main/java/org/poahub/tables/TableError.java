package org.poahub.tables;

/**
 * One problem of a table file, in Spanish: the row as the spreadsheet numbers it (1-based; 0 for the file as a
 * whole), the column title (null when the problem is the row's or the file's), the value found (null when none)
 * and the message, which says what was expected.
 */
public record TableError(int row, String column, String value, String message) {

    /** A problem of the whole file. */
    public static TableError ofFile(String message) {
        return new TableError(0, null, null, message);
    }

    /** E.g. {@code Fila 12, columna 'monto': '12.500' es ambiguo: ...}; {@code Archivo: ...} for the file. */
    public String text() {
        if (row <= 0) {
            return "Archivo: " + message;
        }
        return column == null ? "Fila " + row + ": " + message : "Fila " + row + ", columna '" + column + "': " + message;
    }

    @Override
    public String toString() {
        return text();
    }
}

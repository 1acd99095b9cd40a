package org.poahub.hub.plan;

import org.poahub.tables.TableError;

/**
 * One problem found in a plan file, in Spanish, with the spreadsheet row (1-based, as Excel numbers it) and the
 * column header. {@code row} is 0 and {@code column} null for problems of the file as a whole.
 */
public record ImportError(int row, String column, String message) {

    /** The same problem as the reading layer reported it. */
    static ImportError of(TableError error) {
        return new ImportError(error.row(), error.column(), error.message());
    }

    /** E.g. "Fila 12, columna 'Código': el código '11.4.02' no tiene el formato NN.NN.NN". */
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

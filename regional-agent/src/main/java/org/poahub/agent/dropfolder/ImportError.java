package org.poahub.agent.dropfolder;

import org.poahub.tables.TableError;

/**
 * One reason a file or row cannot be imported: row number (0 for the file as a whole), column (null when none) and a
 * Spanish explanation.
 */
public record ImportError(int row, String column, String reason) {

    /** The same problem as the reading layer reported it. */
    public static ImportError of(TableError error) {
        return new ImportError(error.row(), error.column(), error.message());
    }

    public static ImportError ofFile(String reason) {
        return new ImportError(0, null, reason);
    }

    /** E.g. {@code Fila 4, columna 'monto': ...}, {@code Archivo: ...}. */
    public String line() {
        if (row <= 0) {
            return "Archivo: " + reason;
        }
        return column == null ? "Fila " + row + ": " + reason : "Fila " + row + ", columna '" + column + "': " + reason;
    }
}

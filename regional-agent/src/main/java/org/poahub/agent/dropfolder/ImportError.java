package org.poahub.agent.dropfolder;

/** One reason a row cannot be imported: row number, column and a Spanish explanation. */
public record ImportError(int row, String column, String reason) {

    public String line() {
        return "Fila " + row + ", columna '" + column + "': " + reason;
    }
}

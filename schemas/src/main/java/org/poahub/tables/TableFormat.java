package org.poahub.tables;

import java.util.Locale;
import java.util.Optional;

/** The file formats the layer reads, known by the file name's extension. */
public enum TableFormat {
    CSV, XLSX;

    /** The format of a file name ({@code .csv}, {@code .xlsx}, any case), or empty. */
    public static Optional<TableFormat> of(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}

package org.poahub.tables;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * A file read as rows of text cells: only non-blank rows, each with its spreadsheet number. Rows before the header
 * (a plan's metadata lines) are kept; find the header with {@link #findHeader(String)} or take {@link #first()}.
 *
 * @param format  what the file was
 * @param charset a CSV's character set (detected or declared); null for XLSX
 * @param rows    the non-blank rows, in file order
 */
public record Table(TableFormat format, Charset charset, List<TableRow> rows) {

    public Table {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The first non-blank row, usually the header. */
    public Optional<TableRow> first() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The first row whose first cell is the title (accents and case ignored, see {@link Columns#key}). */
    public Optional<TableRow> findHeader(String firstTitle) {
        String key = Columns.key(firstTitle);
        return rows.stream().filter(r -> Columns.key(r.cell(0)).equals(key)).findFirst();
    }

    /** The rows after the given one. */
    public List<TableRow> rowsAfter(TableRow row) {
        int index = rows.indexOf(row);
        return index < 0 ? List.of() : rows.subList(index + 1, rows.size());
    }
}

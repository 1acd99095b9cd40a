package org.poahub.tables;

import java.util.BitSet;
import java.util.List;

/**
 * One row of a table: its number as the spreadsheet shows it (1-based; a CSV record with a line break inside a
 * quoted cell is still one row) and its cells as text. A cell is <em>exact</em> when the file typed it (an Excel
 * number or date cell): its text is then already canonical ({@code 1234.56}, {@code 2020-03-15}) and never
 * reinterpreted by a number style.
 */
public final class TableRow {

    private final int number;
    private final List<String> cells;
    private final BitSet exact;

    public TableRow(int number, List<String> cells) {
        this(number, cells, new BitSet());
    }

    public TableRow(int number, List<String> cells, BitSet exact) {
        this.number = number;
        this.cells = List.copyOf(cells);
        this.exact = (BitSet) exact.clone();
    }

    public int number() {
        return number;
    }

    public List<String> cells() {
        return cells;
    }

    /** The cell's text as written, or "" past the row's last cell. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** Whether the file typed this cell (an Excel number or date): its text is canonical. */
    public boolean isExact(int index) {
        return index >= 0 && exact.get(index);
    }

    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return number + ":" + cells;
    }
}

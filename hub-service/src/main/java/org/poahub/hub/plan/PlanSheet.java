package org.poahub.hub.plan;

import java.util.List;
import org.poahub.tables.CellReader;
import org.poahub.tables.Table;
import org.poahub.tables.TableRow;

/**
 * The cells of a plan file as the shared reading layer read them ({@code org.poahub.tables}), whatever its format
 * (CSV or XLSX), with spreadsheet row numbers; typed cells are read with a {@link CellReader}.
 */
public record PlanSheet(List<Row> rows) {

    public PlanSheet {
        rows = List.copyOf(rows);
    }

    static PlanSheet of(Table table) {
        return new PlanSheet(table.rows().stream().map(Row::new).toList());
    }

    /** One non-empty row; {@code number} is 1-based as shown by Excel. */
    public static final class Row {

        private final TableRow row;

        Row(TableRow row) {
            this.row = row;
        }

        public Row(int number, List<String> cells) {
            this(new TableRow(number, cells));
        }

        public int number() {
            return row.number();
        }

        public List<String> cells() {
            return row.cells();
        }

        public String cell(int index) {
            return row.cell(index);
        }

        public boolean isBlank() {
            return row.isBlank();
        }

        /** The row for a {@link CellReader} (it knows which cells Excel typed). */
        TableRow table() {
            return row;
        }

        @Override
        public String toString() {
            return row.toString();
        }
    }
}

package org.poahub.hub.plan;

import java.util.List;

/** The cells of a plan file as text, whatever its format (CSV or XLSX), with spreadsheet row numbers. */
public record PlanSheet(List<Row> rows) {

    public PlanSheet {
        rows = List.copyOf(rows);
    }

    /** One non-empty row; {@code number} is 1-based as shown by Excel. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}

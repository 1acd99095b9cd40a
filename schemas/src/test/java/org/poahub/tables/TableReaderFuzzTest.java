package org.poahub.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
  * Coverage-guided fuzzing of the one reading layer every table people hand in goes through (agent imports, plan
  * imports, financial-system extracts): any bytes, named as a CSV or an XLSX file, are either read into a table whose
  * every cell then reads as a decimal and a date without surprises, or refused with Spanish errors
  * ({@link TableException}). Any other exception, a hang or an out-of-memory is a finding. docs/fuzzing.md.
  */
class TableReaderFuzzTest {

    private static final TableOptions SMALL = TableOptions.defaults().withLimits(TableLimits.defaults()
            .withMaxFileBytes(1_000_000).withMaxRows(10_000));

    @FuzzTest(maxDuration = "30s")
    void readsOrRefusesInSpanish(FuzzedDataProvider data) {
        String name = data.consumeBoolean() ? "informe.xlsx" : "informe.csv";
        NumberStyle numbers = data.pickValue(NumberStyle.values());
        byte[] content = data.consumeRemainingAsBytes();
        Table table;
        try {
            table = TableReader.read(name, content, SMALL.withNumbers(numbers));
        } catch (TableException refused) {
            assertThat(refused.errors()).isNotEmpty();
            assertThat(refused.errors()).allSatisfy(e -> assertThat(e.text()).isNotBlank());
            return;
        }
        CellReader cells = new CellReader(numbers, error -> assertThat(error.text()).isNotBlank());
        for (TableRow row : table.rows()) {
            for (int i = 0; i < row.cells().size(); i++) {
                cells.decimal(row, i, "columna " + i);
                cells.date(row, i, "columna " + i);
            }
        }
    }
}

package org.poahub.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of a workbook, streamed row by row with fastexcel-reader (StAX): Apache POI's usermodel builds
 * the whole workbook first and even its event API builds objects per string cell; measured on the agent, reading
 * was most of an import's time (docs/benchmarks.md). Cells become text as in {@link ExcelCellText}.
 */
final class XlsxTables {

    /** Keep cell formats (to recognise date cells); a cell that does not parse stays an error, not an exception. */
    static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    private XlsxTables() {
    }

    static Table read(TableReader.WorkbookOpener opener, TableLimits limits) {
        List<TableRow> rows = new ArrayList<>();
        List<TableError> errors = new ArrayList<>();
        try (ReadableWorkbook workbook = opener.open();
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            ExcelCellText text = new ExcelCellText(workbook.isDate1904());
            for (Iterator<Row> it = sheet.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (row.getRowNum() > limits.maxRows()) {
                    throw CsvTables.tooManyRows(limits);
                }
                List<String> cells = new ArrayList<>(row.getCellCount());
                BitSet exact = new BitSet();
                boolean blank = true;
                for (int c = 0; c < row.getCellCount(); c++) {
                    ExcelCellText.Text cell = text.of(row.getCell(c));
                    if (cell.text().length() > limits.maxCellLength()) {
                        CsvTables.tooLong(errors, row.getRowNum(), c, cell.text().length(), limits);
                    }
                    cells.add(cell.text());
                    if (cell.exact()) {
                        exact.set(c);
                    }
                    blank &= cell.text().isBlank();
                }
                if (!blank) {
                    rows.add(new TableRow(row.getRowNum(), cells, exact));
                }
            }
        } catch (TableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TableException(List.of(TableError.ofFile("el archivo no es un libro Excel .xlsx legible "
                    + "(ábralo en Excel y guárdelo de nuevo como .xlsx)")), TableReader.detail(e), e);
        }
        if (!errors.isEmpty()) {
            throw new TableException(errors, null, null);
        }
        return new Table(TableFormat.XLSX, null, rows);
    }
}

package org.poahub.hub.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of the hub's downloadable workbooks (Apache POI), written one way: a sheet with a bold, frozen title row;
 * text cells only where there is a value; amounts as numeric cells shown with two decimals. One writer per workbook;
 * {@link #bytes()} closes it.
 */
public final class SheetWriter implements AutoCloseable {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle number;
    private final CellStyle bold;

    public SheetWriter() {
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /** A new sheet whose first row holds the titles in bold, frozen while scrolling. */
    public Sheet sheet(String name, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            bold(row, i, headers.get(i));
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The row after the last one of the sheet. */
    public static Row next(Sheet sheet) {
        return sheet.createRow(sheet.getLastRowNum() + 1);
    }

    /** A text cell; none when the value is null. */
    public static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    public void bold(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(bold);
        cell.setCellValue(value);
    }

    /** Excel keeps numbers as doubles; amounts of up to 13 digits with 2 decimals survive that unchanged. */
    public void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(number);
            cell.setCellValue(value.doubleValue());
        }
    }

    /** The workbook as an .xlsx file. */
    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.poahub.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes real workbooks for the tests with Apache POI (as Excel would: typed numbers, date cells in the 1900 or 1904
 * system, text). Shipped in the schemas test-jar for the agent's and the hub's tests.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** One sheet; a cell is a String (text), a BigDecimal or Double (number cell) or a LocalDate (date cell). */
    public static byte[] xlsx(boolean date1904, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (date1904) {
                var ct = workbook.getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle thousands = workbook.createCellStyle();
            thousands.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = workbook.createSheet("Hoja1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    var cell = row.createCell(c);
                    if (value instanceof LocalDate d) {
                        // the serial number of the workbook's date system, as Excel stores it
                        cell.setCellValue(DateUtil.getExcelDate(d.atStartOfDay(), date1904));
                        cell.setCellStyle(date);
                    } else if (value instanceof BigDecimal n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(thousands);
                    } else if (value instanceof Double n) {
                        cell.setCellValue(n);
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip named .xlsx whose one part inflates to {@code inflated} zero bytes (a zip bomb in miniature). */
    public static byte[] zipBomb(int inflated) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < inflated; written += zeros.length) {
                zip.write(zeros, 0, Math.min(zeros.length, inflated - written));
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

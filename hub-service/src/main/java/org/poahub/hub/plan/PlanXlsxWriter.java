package org.poahub.hub.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a plan sheet as {@code .xlsx}, every cell as text so that codes ({@code 04.01}), dates and amounts survive
 * any Excel locale unchanged. Also the tool that makes the shipped {@code .xlsx} files from their CSV:
 * {@code java -cp … org.poahub.hub.plan.PlanXlsxWriter plan.csv plan.xlsx}.
 */
public final class PlanXlsxWriter {

    private PlanXlsxWriter() {
    }

    public static byte[] write(PlanSheet plan) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("POA");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(text);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            for (PlanSheet.Row r : plan.rows()) {
                Row row = sheet.createRow(r.number() - 1);
                boolean isHeader = "Tipo".equals(r.cell(0));
                for (int c = 0; c < r.cells().size(); c++) {
                    var cell = row.createCell(c);
                    cell.setCellStyle(isHeader ? header : text);
                    cell.setCellValue(r.cells().get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlanXlsxWriter plan.csv plan.xlsx");
            System.exit(2);
        }
        Files.write(Path.of(args[1]), write(CsvPlanReader.read(Files.readAllBytes(Path.of(args[0])))));
    }
}

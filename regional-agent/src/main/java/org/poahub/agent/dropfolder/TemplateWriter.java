package org.poahub.agent.dropfolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;
import org.poahub.tables.TableRow;

/** Writes the import template (CSV shipped in the jar) and its Excel version. */
public final class TemplateWriter {

    public static final String CSV_RESOURCE = "/org/poahub/agent/plantillas/plantilla-informes.csv";

    private TemplateWriter() {
    }

    /** Writes {@code plantilla-informes.csv} and {@code plantilla-informes.xlsx} into the folder. */
    public static void writeTemplates(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = TemplateWriter.class.getResourceAsStream(CSV_RESOURCE)) {
            byte[] csv = in.readAllBytes();
            Files.write(folder.resolve("plantilla-informes.csv"), csv);
            for (TableRow row : TableReader.read("plantilla-informes.csv", csv, TableOptions.defaults()).rows()) {
                rows.add(row.cells());
            }
        }
        writeXlsx(folder.resolve("plantilla-informes.xlsx"), rows);
    }

    /**
     * Writes rows to the first sheet of a new workbook; cells that look like numbers or ISO dates become numeric or
     * date cells, as Excel would store what the office types.
     */
    public static void writeXlsx(Path file, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("informes");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (r > 0 && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        row.createCell(c).setCellValue(LocalDate.parse(value));
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (r > 0 && value.matches("-?\\d{1,12}(\\.\\d{1,4})?") && !value.matches("\\d{5}")
                            && !value.matches("\\d{4}")) {
                        row.createCell(c).setCellValue(new BigDecimal(value).doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
        }
    }
}

package org.poahub.hub.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The audit rows as a workbook (one sheet "Auditoría", Spanish headers, times in UTC). */
final class AuditXlsxWriter {

    static final List<String> HEADERS = List.of("N.º", "Fecha y hora (UTC)", "Usuario", "Acción", "Objeto", "Antes",
            "Después", "Hash anterior", "Hash");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private AuditXlsxWriter() {
    }

    static byte[] write(List<AuditChain.Row> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Auditoría");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (AuditChain.Row row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.id());
                line.createCell(1).setCellValue(TIME.format(row.occurredAt()));
                line.createCell(2).setCellValue(row.actor());
                line.createCell(3).setCellValue(row.action());
                line.createCell(4).setCellValue(row.target());
                line.createCell(5).setCellValue(row.before());
                line.createCell(6).setCellValue(row.after());
                line.createCell(7).setCellValue(row.prevHash());
                line.createCell(8).setCellValue(row.hash());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

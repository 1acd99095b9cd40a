package org.poahub.agent.dropfolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an {@code .xlsx} (Apache POI) or a {@code .csv} (';' or ',' separated, UTF-8, double
 * quotes) into rows keyed by the lower-case header. The CSV reader is hand-written because the template's CSV is
 * simple (no multi-line cells) and a library for it would be the agent's only use.
 */
public final class SheetReader {

    private SheetReader() {
    }

    public static List<SheetRow> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> raw = name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
        List<SheetRow> rows = new ArrayList<>();
        if (raw.isEmpty()) {
            return rows;
        }
        List<String> header = raw.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 1; i < raw.size(); i++) {
            List<String> cells = raw.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(new SheetRow(i + 1, byColumn));
        }
        return rows;
    }

    /** The header of a file (lower-case), to check the template's columns. */
    public static List<String> header(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> raw = name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
        return raw.isEmpty() ? List.of() : raw.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<List<String>> readXlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, formatter));
                    }
                }
                while (rows.size() < r) {
                    rows.add(List.of());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        return switch (cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                            .toPlainString();
            default -> formatter.formatCellValue(cell);
        };
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            char separator = 0;
            while ((line = reader.readLine()) != null) {
                if (rows.isEmpty() && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (separator == 0) {
                    separator = line.indexOf(';') >= 0 ? ';' : ',';
                }
                rows.add(split(line, separator));
            }
        }
        return rows;
    }

    /** Splits one CSV line (double quotes, "" for a quote inside). */
    public static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

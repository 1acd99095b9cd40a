package org.poahub.agent.dropfolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an {@code .xlsx} (streamed with fastexcel-reader) or a {@code .csv} (';' or ','
 * separated, UTF-8, double quotes) into rows keyed by the lower-case header. The CSV reader is hand-written because
 * the template's CSV is simple (no multi-line cells) and a library for it would be the agent's only use.
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

    /**
     * Streams the first sheet with fastexcel-reader (StAX, row by row). Apache POI's usermodel builds the whole
     * workbook first and even its SAX event API builds XMLBeans objects per string cell: measured, reading was most
     * of an import's time (docs/benchmarks.md). Cells become text as in {@link ExcelCellText}.
     */
    private static List<List<String>> readXlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            ExcelCellText text = new ExcelCellText(workbook.isDate1904());
            for (Iterator<Row> it = sheet.iterator(); it.hasNext(); ) {
                Row row = it.next();
                // row numbers are Excel's (1-based); rows absent from the file stay empty so numbering holds
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(text.of(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
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

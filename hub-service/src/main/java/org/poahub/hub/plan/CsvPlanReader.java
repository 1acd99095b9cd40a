package org.poahub.hub.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a plan CSV: UTF-8 (a BOM is accepted), separator {@code ;} — what Excel writes for "CSV (delimitado por
 * comas)" under a Spanish/Bolivian locale, where {@code ,} is the decimal separator; the texts of the plan are full
 * of commas too. A file whose first line has no {@code ;} but has {@code ,} is read with {@code ,}.
 */
public final class CsvPlanReader {

    private CsvPlanReader() {
    }

    public static PlanSheet read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new PlanImportException(List.of(new ImportError(0, null,
                    "el archivo CSV no está en UTF-8 (en Excel: Guardar como → 'CSV UTF-8')")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = !firstLine.contains(";") && firstLine.contains(",") ? ',' : ';';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<PlanSheet.Row> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            int number = 0;
            for (CSVRecord record : format.parse(reader)) {
                number++;
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                PlanSheet.Row row = new PlanSheet.Row(number, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PlanImportException(List.of(new ImportError(0, null,
                    "el archivo CSV está mal formado (" + e.getMessage() + ")")));
        }
        return new PlanSheet(rows);
    }
}

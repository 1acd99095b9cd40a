package org.poahub.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small catalogue data files (UTF-8, optional BOM, {@code ;}-separated, first non-comment line is a
 * header, lines starting with {@code #} are comments). Written by hand because {@code schemas} must stay free of
 * dependencies beyond Avro and kafka-clients, and these two-column files need no quoting: names may contain
 * commas (e.g. "Impuestos, Regalías y Tasas"), which is why the separator is {@code ;}.
 */
final class CatalogueFile {

    private CatalogueFile() {
    }

    /** Rows without the header, each with exactly {@code columns} trimmed fields. */
    static List<String[]> read(InputStream in, String source, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    continue;
                }
                String[] fields = line.split(";", -1);
                if (fields.length != columns) {
                    throw new IllegalArgumentException(source + ", línea " + lineNo + ": se esperaban " + columns
                            + " columnas separadas por ';' y hay " + fields.length);
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return rows;
    }
}

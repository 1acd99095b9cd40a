package org.poahub.routes.finance;

import java.util.List;
import java.util.stream.Collectors;
import org.poahub.tables.TableError;

/** What became of one extract file: loaded, already loaded (same content), or rejected with every problem. */
public sealed interface ExtractOutcome {

    /** Folder (under the inbox) the file goes to. */
    String PROCESSED = "procesados";
    String REJECTED = "con-errores";

    String folder();

    /** Suffix of the note written next to the file, e.g. {@code .errores.txt}. */
    String noteSuffix();

    /** The note for the person who dropped the file (Spanish). */
    String note(String fileName);

    record Loaded(StoredExtract extract, String sha256) implements ExtractOutcome {
        @Override
        public String folder() {
            return PROCESSED;
        }

        @Override
        public String noteSuffix() {
            return ".resultado.txt";
        }

        @Override
        public String note(String fileName) {
            StoredExtract e = extract;
            return "Archivo " + fileName + ": cargado como extracto " + e.id() + " (" + e.kind() + ", gestión "
                    + e.fiscalYear() + ", corte " + e.cutOff() + ", versión " + e.version() + ", " + e.lineCount()
                    + " líneas)" + (e.superseded() == null ? "" : "; reemplaza al extracto " + e.superseded()
                    + " del mismo período, que se conserva en el historial") + ".\nSHA-256: " + sha256 + "\n";
        }
    }

    record AlreadyLoaded(StoredExtract extract, String sha256) implements ExtractOutcome {
        @Override
        public String folder() {
            return PROCESSED;
        }

        @Override
        public String noteSuffix() {
            return ".resultado.txt";
        }

        @Override
        public String note(String fileName) {
            return "Archivo " + fileName + ": el mismo contenido ya se cargó como extracto " + extract.id()
                    + " (versión " + extract.version() + ", " + extract.loadedAt() + ", desde " + extract.source()
                    + "); no se cargó de nuevo.\nSHA-256: " + sha256 + "\n";
        }
    }

    record Rejected(List<TableError> errors, String sha256) implements ExtractOutcome {
        public Rejected {
            errors = List.copyOf(errors);
        }

        @Override
        public String folder() {
            return REJECTED;
        }

        @Override
        public String noteSuffix() {
            return ".errores.txt";
        }

        @Override
        public String note(String fileName) {
            return "Archivo " + fileName + ": " + errors.size() + " error(es); no se cargó nada.\n"
                    + "fila;columna;valor;problema\n"
                    + errors.stream().map(e -> (e.row() <= 0 ? "" : e.row()) + ";" + cell(e.column()) + ";"
                            + cell(e.value()) + ";" + cell(e.message())).collect(Collectors.joining("\n")) + "\n";
        }

        private static String cell(String text) {
            if (text == null) {
                return "";
            }
            return text.contains(";") || text.contains("\"") || text.contains("\n")
                    ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }
}

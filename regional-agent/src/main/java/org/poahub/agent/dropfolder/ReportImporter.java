package org.poahub.agent.dropfolder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportDraft;
import org.poahub.agent.store.SaveResult;
import org.poahub.rules.Finding;
import org.poahub.rules.ReportValidator;

/**
 * Imports a file in the template ({@code plantillas/plantilla-informes.csv|xlsx}): all rows or none. A file with
 * any bad row imports nothing and gets a Spanish error file naming each row, column and reason.
 */
public final class ReportImporter {

    public static final List<String> COLUMNS = List.of("tipo", "gestion", "operacion", "periodo_inicio", "periodo_fin",
            "valor_alcanzado", "porcentaje", "narrativa", "evidencias", "responsable", "partida", "fuente", "monto",
            "fecha_gasto", "comprobante", "descripcion");

    /** Which template column a rule's field came from. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("operationCode", "operacion"),
            Map.entry("fiscalYear", "gestion"), Map.entry("periodStart", "periodo_inicio"),
            Map.entry("periodEnd", "periodo_fin"), Map.entry("achievedValue", "valor_alcanzado"),
            Map.entry("percentComplete", "porcentaje"), Map.entry("objectCode", "partida"),
            Map.entry("fundingSource", "fuente"), Map.entry("amount", "monto"), Map.entry("spentOn", "fecha_gasto"),
            Map.entry("regionCode", "region"));

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The outcome of one file. */
    public record Result(int imported, List<ImportError> errors, Path movedTo, Path errorFile) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final AgentStore store;
    private final ReportFactory factory;
    private final ReportValidator validator;

    public ReportImporter(AgentStore store, ReportFactory factory, ReportValidator validator) {
        this.store = store;
        this.factory = factory;
        this.validator = validator;
    }

    /** Imports the file and moves it to {@code procesados/} or {@code con-errores/} beside it. */
    public Result importAndMove(Path file) throws IOException {
        Result result = importFile(file);
        Path folder = file.toAbsolutePath().getParent().resolve(result.ok() ? "procesados" : "con-errores");
        Files.createDirectories(folder);
        Path target = unique(folder, file.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Path errorFile = null;
        if (!result.ok()) {
            errorFile = folder.resolve(target.getFileName() + ".errores.txt");
            List<String> lines = new ArrayList<>();
            lines.add("Archivo: " + file.getFileName());
            lines.add("No se importó ningún informe: corrija las filas indicadas y vuelva a colocar el archivo en la "
                    + "carpeta de entrada.");
            lines.add("");
            result.errors().forEach(e -> lines.add(e.line()));
            Files.write(errorFile, lines, StandardCharsets.UTF_8);
        }
        return new Result(result.imported(), result.errors(), target, errorFile);
    }

    /** Reads, validates and saves the rows of a file in one transaction; the file stays where it is. */
    public Result importFile(Path file) throws IOException {
        List<ImportError> errors = new ArrayList<>();
        List<SheetRow> rows;
        try {
            rows = SheetReader.read(file);
            List<String> header = rows.isEmpty() ? SheetReader.header(file) : List.copyOf(rows.get(0).cells().keySet());
            for (String required : List.of("tipo", "gestion", "operacion")) {
                if (!header.contains(required)) {
                    errors.add(new ImportError(1, required, "falta la columna; use la plantilla (columnas: "
                            + String.join(", ", COLUMNS) + ")."));
                }
            }
            if (!errors.isEmpty()) {
                return new Result(0, errors, null, null);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new ImportError(1, "-", "no se pudo leer el archivo (" + e.getMessage()
                    + "); guárdelo como .xlsx o .csv UTF-8 según la plantilla."));
            return new Result(0, errors, null, null);
        }
        if (rows.isEmpty()) {
            errors.add(new ImportError(2, "-", "el archivo no tiene filas de datos."));
            return new Result(0, errors, null, null);
        }
        List<ReportDraft> drafts = new ArrayList<>(rows.size());
        List<SheetRow> draftRows = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            RowParser parser = new RowParser(row, errors);
            ReportDraft draft = parser.draft(factory);
            if (draft != null) {
                drafts.add(draft);
                draftRows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(0, errors, null, null);
        }
        SaveResult saved = store.save(drafts, validator);
        if (!saved.ok()) {
            saved.rejected().forEach((index, findings) -> {
                for (Finding f : findings) {
                    errors.add(new ImportError(draftRows.get(index).number(),
                            COLUMN_OF_FIELD.getOrDefault(f.field(), f.field() == null ? "-" : f.field()),
                            f.message() + " [" + f.code() + "]"));
                }
            });
            return new Result(0, errors, null, null);
        }
        return new Result(saved.saved().size(), List.of(), null, null);
    }

    private static Path unique(Path folder, String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS"));
        return folder.resolve(stamp + "-" + name);
    }

    /** Parses one row, collecting every problem rather than stopping at the first. */
    private static final class RowParser {
        private final SheetRow row;
        private final List<ImportError> errors;
        private boolean bad;

        RowParser(SheetRow row, List<ImportError> errors) {
            this.row = row;
            this.errors = errors;
        }

        ReportDraft draft(ReportFactory factory) {
            String kind = row.get("tipo").toLowerCase(Locale.ROOT);
            Integer year = integer("gestion");
            String operation = required("operacion");
            switch (kind) {
                case "avance" -> {
                    LocalDate start = date("periodo_inicio", true);
                    LocalDate end = date("periodo_fin", true);
                    BigDecimal achieved = decimal("valor_alcanzado", true, 4);
                    BigDecimal percent = decimal("porcentaje", false, 2);
                    List<String> evidence = row.get("evidencias").isEmpty() ? List.of()
                            : Arrays.stream(row.get("evidencias").split("[,|]")).map(String::strip)
                                    .filter(s -> !s.isEmpty()).toList();
                    String reporter = required("responsable");
                    return bad ? null : factory.progress(new ProgressInput(year, operation, start, end, achieved,
                            percent, row.get("narrativa"), evidence, reporter, null));
                }
                case "gasto" -> {
                    String object = required("partida");
                    if (!object.isEmpty() && !object.matches("\\d{5}")) {
                        error("partida", "'" + object + "' no es un código de partida de cinco dígitos (p. ej. 25220).");
                    }
                    // The plan's funding column name, as written in the plan (the hub sums spend per column by this name).
                    String source = row.get("fuente").isEmpty() ? "Columna 1" : row.get("fuente");
                    BigDecimal amount = decimal("monto", true, 2);
                    LocalDate spentOn = date("fecha_gasto", true);
                    String document = required("comprobante");
                    return bad ? null : factory.expenditure(new ExpenditureInput(year, operation, object, source,
                            amount, spentOn, document, row.get("descripcion"), null));
                }
                default -> {
                    error("tipo", "debe ser 'avance' o 'gasto' (se encontró '" + row.get("tipo") + "').");
                    return null;
                }
            }
        }

        private void error(String column, String reason) {
            errors.add(new ImportError(row.number(), column, reason));
            bad = true;
        }

        private String required(String column) {
            String value = row.get(column);
            if (value.isEmpty()) {
                error(column, "el valor es obligatorio.");
            }
            return value;
        }

        private Integer integer(String column) {
            String value = required(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                error(column, "'" + value + "' no es un año (p. ej. 2020).");
                return null;
            }
        }

        private LocalDate date(String column, boolean mandatory) {
            String value = mandatory ? required(column) : row.get(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "'" + value + "' no es una fecha válida (use AAAA-MM-DD o DD/MM/AAAA).");
                return null;
            }
        }

        private BigDecimal decimal(String column, boolean mandatory, int scale) {
            String value = mandatory ? required(column) : row.get(column);
            if (value.isEmpty()) {
                return null;
            }
            // a comma alone is the decimal separator (1250,50); with both, the last one is (1.234,56 or 1,234.56)
            String normal = value.replace(" ", "").replace("\u00a0", "");
            if (normal.lastIndexOf(',') > normal.lastIndexOf('.')) {
                normal = normal.replace(".", "").replace(',', '.');
            } else {
                normal = normal.replace(",", "");
            }
            try {
                BigDecimal number = new BigDecimal(normal);
                if (number.stripTrailingZeros().scale() > scale) {
                    error(column, "'" + value + "' tiene más de " + scale + " decimales.");
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' no es un número (use punto decimal, p. ej. 1250.50).");
                return null;
            }
        }
    }
}

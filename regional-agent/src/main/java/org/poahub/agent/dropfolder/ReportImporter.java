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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poahub.agent.report.ContractDecimal;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportDraft;
import org.poahub.agent.store.SaveResult;
import org.poahub.rules.Finding;
import org.poahub.rules.ReportValidator;
import org.poahub.tables.CellReader;
import org.poahub.tables.Columns;
import org.poahub.tables.Table;
import org.poahub.tables.TableException;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;
import org.poahub.tables.TableRow;

/**
 * Imports a file in the template ({@code plantillas/plantilla-informes.csv|xlsx}): all rows or none. The file is
 * read by the shared reading layer ({@code org.poahub.tables}, the same code the hub reads tables with); a file
 * with any bad row imports nothing and gets a Spanish error file naming each row, column and reason.
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

    /**
     * The outcome of one file.
     *
     * @param technicalDetail what went wrong underneath (exception text), for support; never shown as the reason
     */
    public record Result(int imported, List<ImportError> errors, Path movedTo, Path errorFile,
            String technicalDetail) {

        public Result(int imported, List<ImportError> errors, Path movedTo, Path errorFile) {
            this(imported, errors, movedTo, errorFile, null);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        static Result refused(List<ImportError> errors, String detail) {
            return new Result(0, List.copyOf(errors), null, null, detail);
        }
    }

    private final AgentStore store;
    private final ReportFactory factory;
    private final ReportValidator validator;
    private final TableOptions options;

    /** An importer with nothing declared (ambiguous numbers refused) and the default limits. */
    public ReportImporter(AgentStore store, ReportFactory factory, ReportValidator validator) {
        this(store, factory, validator, TableOptions.defaults());
    }

    /** @param options the declared number format and charset, and the limits (agent settings {@code import.*}) */
    public ReportImporter(AgentStore store, ReportFactory factory, ReportValidator validator, TableOptions options) {
        this.store = store;
        this.factory = factory;
        this.validator = validator;
        this.options = options;
    }

    /** The same importer with other options (e.g. the CLI's {@code --formato-numeros}). */
    public ReportImporter with(TableOptions other) {
        return new ReportImporter(store, factory, validator, other);
    }

    /**
     * Imports the file and moves it to {@code procesados/} or, whatever went wrong, to {@code con-errores/} beside
     * it with a Spanish error file, so no file stays in the inbox to be tried again.
     */
    public Result importAndMove(Path file) throws IOException {
        Result result;
        try {
            result = importFile(file);
        } catch (RuntimeException e) {
            result = Result.refused(List.of(ImportError.ofFile("no se pudo importar el archivo por un error "
                    + "interno del agente; avise a soporte técnico con este archivo")), e.toString());
        }
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
            if (result.technicalDetail() != null) {
                lines.add("");
                lines.add("Detalle técnico (para soporte): " + result.technicalDetail());
            }
            Files.write(errorFile, lines, StandardCharsets.UTF_8);
        }
        return new Result(result.imported(), result.errors(), target, errorFile, result.technicalDetail());
    }

    /** Reads, validates and saves the rows of a file in one transaction; the file stays where it is. */
    public Result importFile(Path file) {
        Table table;
        try {
            table = TableReader.read(file, options);
        } catch (TableException e) {
            return Result.refused(e.errors().stream().map(ImportError::of).toList(), e.technicalDetail());
        }
        if (table.isEmpty()) {
            return Result.refused(List.of(ImportError.ofFile("el archivo está vacío; use la plantilla (columnas: "
                    + String.join(", ", COLUMNS) + ").")), null);
        }
        TableRow header = table.first().orElseThrow();
        Columns columns = Columns.of(header);
        List<ImportError> errors = new ArrayList<>();
        for (String required : columns.missing(List.of("tipo", "gestion", "operacion"))) {
            errors.add(new ImportError(header.number(), required, "falta la columna; use la plantilla (columnas: "
                    + String.join(", ", COLUMNS) + ")."));
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors, null);
        }
        List<TableRow> rows = table.rowsAfter(header);
        if (rows.isEmpty()) {
            return Result.refused(List.of(new ImportError(header.number() + 1, null,
                    "el archivo no tiene filas de datos.")), null);
        }
        CellReader cells = new CellReader(options.numbers(), e -> errors.add(ImportError.of(e)));
        List<ReportDraft> drafts = new ArrayList<>(rows.size());
        List<TableRow> draftRows = new ArrayList<>(rows.size());
        for (TableRow row : rows) {
            ReportDraft draft = new RowParser(row, columns, cells).draft(factory);
            if (draft != null) {
                drafts.add(draft);
                draftRows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors, null);
        }
        SaveResult saved = store.save(drafts, validator);
        if (!saved.ok()) {
            saved.rejected().forEach((index, findings) -> {
                for (Finding f : findings) {
                    errors.add(new ImportError(draftRows.get(index).number(),
                            COLUMN_OF_FIELD.getOrDefault(f.field(), f.field()), f.message() + " [" + f.code() + "]"));
                }
            });
            return Result.refused(errors, null);
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

    /** Turns one row into a report draft; every problem goes to the file's cell reader. */
    private static final class RowParser {
        private final TableRow row;
        private final Columns columns;
        private final CellReader cells;
        private final int reportedBefore;

        RowParser(TableRow row, Columns columns, CellReader cells) {
            this.row = row;
            this.columns = columns;
            this.cells = cells;
            this.reportedBefore = cells.reported();
        }

        private boolean bad() {
            return cells.reported() > reportedBefore;
        }

        ReportDraft draft(ReportFactory factory) {
            String kind = text("tipo").toLowerCase(Locale.ROOT);
            Integer year = required("gestion") ? cells.integer(row, columns.indexOf("gestion"), "gestion") : null;
            String operation = requiredText("operacion");
            switch (kind) {
                case "avance" -> {
                    LocalDate start = date("periodo_inicio");
                    LocalDate end = date("periodo_fin");
                    BigDecimal achieved = decimal("valor_alcanzado", true, ContractDecimal.ACHIEVED_VALUE);
                    BigDecimal percent = decimal("porcentaje", false, ContractDecimal.PERCENT_COMPLETE);
                    List<String> evidence = text("evidencias").isEmpty() ? List.of()
                            : Arrays.stream(text("evidencias").split("[,|]")).map(String::strip)
                                    .filter(s -> !s.isEmpty()).toList();
                    String reporter = requiredText("responsable");
                    return bad() ? null : factory.progress(new ProgressInput(year, operation, start, end, achieved,
                            percent, text("narrativa"), evidence, reporter, null));
                }
                case "gasto" -> {
                    String object = requiredText("partida");
                    if (!object.isEmpty() && !object.matches("\\d{5}")) {
                        error("partida", object, "'" + object
                                + "' no es un código de partida de cinco dígitos (p. ej. 25220).");
                    }
                    // The plan's funding column name, as written in the plan (the hub sums spend per column by this name).
                    String source = text("fuente").isEmpty() ? "Columna 1" : text("fuente");
                    BigDecimal amount = decimal("monto", true, ContractDecimal.AMOUNT);
                    LocalDate spentOn = date("fecha_gasto");
                    String document = requiredText("comprobante");
                    return bad() ? null : factory.expenditure(new ExpenditureInput(year, operation, object, source,
                            amount, spentOn, document, text("descripcion"), null));
                }
                default -> {
                    error("tipo", text("tipo"), "debe ser 'avance' o 'gasto' (se encontró '" + text("tipo") + "').");
                    return null;
                }
            }
        }

        private String text(String column) {
            return columns.text(row, column);
        }

        private void error(String column, String value, String reason) {
            cells.report(row.number(), column, value, reason);
        }

        /** Whether the cell has a value; reports it missing otherwise. */
        private boolean required(String column) {
            if (text(column).isEmpty()) {
                error(column, "", "el valor es obligatorio.");
                return false;
            }
            return true;
        }

        private String requiredText(String column) {
            required(column);
            return text(column);
        }

        private LocalDate date(String column) {
            return required(column) ? cells.date(row, columns.indexOf(column), column) : null;
        }

        /** A number of the report contract's {@code field}, refused in Spanish when it does not fit the field. */
        private BigDecimal decimal(String column, boolean mandatory, ContractDecimal field) {
            if (mandatory ? !required(column) : text(column).isEmpty()) {
                return null;
            }
            BigDecimal number = cells.decimal(row, columns.indexOf(column), column);
            if (number == null) {
                return null;
            }
            Optional<String> problem = field.problem(number, text(column));
            problem.ifPresent(p -> error(column, text(column), p));
            return problem.isPresent() ? null : number;
        }
    }
}

package org.poahub.hub.finance.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.tables.Columns;
import org.poahub.tables.Table;
import org.poahub.tables.TableError;
import org.poahub.tables.TableRow;

/**
 * Reads a budget mapping file (docs/finance.md, "Mapping file"), in the plan file's style: metadata rows
 * ({@code Gestión}, {@code Código de entidad}, {@code Nota}), a title row starting with {@code Tipo}, then one row per
 * entry ({@code OPERACION}, {@code FUENTE}, {@code REGION}). Checked against the plan in force for the gestión and the
 * region catalogue; every problem is collected, in Spanish, with row and column.
 */
public final class BudgetMappingParser {

    static final String TIPO = "Tipo";
    static final String CODIGO = "Código";
    static final String PROGRAMA = "Programa";
    static final String PROYECTO = "Proyecto";
    static final String ACTIVIDAD = "Actividad";
    static final String FUENTE = "Fuente";
    static final String ORGANISMO = "Organismo";
    static final String DA = "DA";
    static final String UE = "UE";
    static final List<String> TITLES = List.of(TIPO, CODIGO, PROGRAMA, PROYECTO, ACTIVIDAD, FUENTE, ORGANISMO, DA, UE);

    private final RegionCatalogue regions;

    public BudgetMappingParser(RegionCatalogue regions) {
        this.regions = regions;
    }

    /** The gestión the metadata rows name, to find the plan to check against; empty errors are thrown. */
    public int fiscalYear(Table table) {
        List<TableError> errors = new ArrayList<>();
        Integer year = yearOf(table, errors);
        if (year == null) {
            throw new BudgetMappingException(errors);
        }
        return year;
    }

    /** The mapping of {@code table}, checked against {@code plan} (the plan in force for its gestión). */
    public BudgetMapping parse(Table table, Plan plan) {
        List<TableError> errors = new ArrayList<>();
        Integer year = yearOf(table, errors);
        String entity = metadata(table, "Código de entidad");
        List<String> notes = table.rows().stream().filter(r -> Columns.key(r.cell(0)).equals("nota"))
                .map(r -> r.cell(1).strip()).toList();
        if (entity == null || entity.isEmpty()) {
            errors.add(new TableError(0, null, null, "falta la fila 'Código de entidad' antes de la fila de títulos"));
        } else if (!entity.equals(plan.entityCode())) {
            errors.add(new TableError(rowOf(table, "Código de entidad"), null, entity, "el código de entidad '"
                    + entity + "' no es el del plan " + plan.fiscalYear() + " ('" + plan.entityCode() + "')"));
        }
        TableRow header = table.findHeader(TIPO).orElse(null);
        if (header == null) {
            errors.add(TableError.ofFile("no se encontró la fila de títulos (la que empieza con 'Tipo')"));
            throw new BudgetMappingException(errors);
        }
        Columns columns = Columns.of(header);
        List<String> missing = columns.missing(TITLES);
        if (!missing.isEmpty()) {
            errors.add(new TableError(header.number(), null, null, "faltan las columnas " + String.join(", ", missing)));
            throw new BudgetMappingException(errors);
        }
        Map<String, ProgramCategory> operations = new LinkedHashMap<>();
        Map<String, FundingSource> funding = new LinkedHashMap<>();
        Map<String, AdministrativeUnit> units = new LinkedHashMap<>();
        Map<AdministrativeUnit, String> regionByUnit = new LinkedHashMap<>();
        Map<FundingSource, String> columnBySource = new LinkedHashMap<>();
        Cells cells = new Cells(columns, errors);
        for (TableRow row : table.rowsAfter(header)) {
            String type = Columns.key(columns.text(row, TIPO));
            String code = columns.text(row, CODIGO);
            int n = row.number();
            switch (type) {
                case "operacion" -> {
                    if (plan.operation(code).isEmpty()) {
                        errors.add(new TableError(n, CODIGO, code, "la operación '" + code + "' no existe en el plan "
                                + plan.fiscalYear() + " vigente"));
                    }
                    ProgramCategory category = new ProgramCategory(cells.digits(row, PROGRAMA, 2),
                            cells.digits(row, PROYECTO, 4), cells.digits(row, ACTIVIDAD, 3));
                    put(operations, code, category, n, "la operación", errors, c -> c.programa() != null
                            && c.proyecto() != null && c.actividad() != null);
                }
                case "fuente" -> {
                    if (!plan.fundingColumns().contains(code)) {
                        errors.add(new TableError(n, CODIGO, code, "la columna de financiamiento '" + code
                                + "' no existe en el plan " + plan.fiscalYear() + " (columnas: "
                                + String.join(", ", plan.fundingColumns()) + ")"));
                    }
                    FundingSource source = new FundingSource(cells.digits(row, FUENTE, 2),
                            cells.digits(row, ORGANISMO, 3));
                    if (put(funding, code, source, n, "la columna de financiamiento", errors,
                            s -> s.fuente() != null && s.organismo() != null)) {
                        String other = columnBySource.putIfAbsent(source, code);
                        if (other != null) {
                            errors.add(new TableError(n, FUENTE, source.text(), "la fuente/organismo "
                                    + source.text() + " ya está asignada a la columna '" + other + "'"));
                        }
                    }
                }
                case "region" -> {
                    if (!regions.isKnown(code)) {
                        errors.add(new TableError(n, CODIGO, code, "la región '" + code
                                + "' no está en el catálogo de regiones"));
                    }
                    AdministrativeUnit unit = new AdministrativeUnit(cells.number(row, DA, 3), cells.number(row, UE, 3));
                    if (put(units, code, unit, n, "la región", errors, u -> u.da() != null && u.ue() != null)) {
                        String other = regionByUnit.putIfAbsent(unit, code);
                        if (other != null) {
                            errors.add(new TableError(n, DA, unit.da() + "/" + unit.ue(), "la DA " + unit.da()
                                    + " / UE " + unit.ue() + " ya está asignada a la región '" + other + "'"));
                        }
                    }
                }
                default -> errors.add(new TableError(n, TIPO, columns.text(row, TIPO),
                        "el tipo de fila debe ser OPERACION, FUENTE o REGION"));
            }
        }
        if (operations.isEmpty() && funding.isEmpty() && units.isEmpty() && errors.isEmpty()) {
            errors.add(TableError.ofFile("el archivo no tiene filas OPERACION, FUENTE ni REGION"));
        }
        if (!errors.isEmpty()) {
            throw new BudgetMappingException(errors);
        }
        return new BudgetMapping(year, entity, notes, operations, funding, units);
    }

    private static <T> boolean put(Map<String, T> map, String code, T value, int row, String what,
            List<TableError> errors, Function<T, Boolean> complete) {
        if (code.isEmpty()) {
            errors.add(new TableError(row, CODIGO, null, "falta el código"));
            return false;
        }
        if (!complete.apply(value)) {
            return false;
        }
        if (map.putIfAbsent(code, value) != null) {
            errors.add(new TableError(row, CODIGO, code, what + " '" + code + "' ya tiene una fila antes"));
            return false;
        }
        return true;
    }

    private static Integer yearOf(Table table, List<TableError> errors) {
        String text = metadata(table, "Gestión");
        if (text == null || text.isEmpty()) {
            errors.add(TableError.ofFile("falta la fila 'Gestión' (año, p. ej. Gestión;2020) antes de la fila de "
                    + "títulos"));
            return null;
        }
        if (!text.matches("\\d{4}")) {
            errors.add(new TableError(rowOf(table, "Gestión"), null, text, "la gestión '" + text
                    + "' no es un año de cuatro cifras"));
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String metadata(Table table, String title) {
        return table.findHeader(title).map(r -> r.cell(1).strip()).orElse(null);
    }

    private static int rowOf(Table table, String title) {
        return table.findHeader(title).map(TableRow::number).orElse(0);
    }

    /** Code cells: digits only, of a fixed width (an Excel number cell that lost its leading zeros is padded). */
    private static final class Cells {

        private static final Pattern DIGITS = Pattern.compile("\\d+");

        private final Columns columns;
        private final List<TableError> errors;

        Cells(Columns columns, List<TableError> errors) {
            this.columns = columns;
            this.errors = errors;
        }

        String digits(TableRow row, String title, int width) {
            String text = cell(row, title, width);
            if (text == null) {
                return null;
            }
            if (!DIGITS.matcher(text).matches() || text.length() != width) {
                errors.add(new TableError(row.number(), title, text, "'" + text + "' debe tener exactamente "
                        + width + " dígitos"));
                return null;
            }
            return text;
        }

        String number(TableRow row, String title, int maxDigits) {
            String text = cell(row, title, 0);
            if (text == null) {
                return null;
            }
            if (!DIGITS.matcher(text).matches() || text.length() > maxDigits) {
                errors.add(new TableError(row.number(), title, text, "'" + text + "' debe ser un número de 1 a "
                        + maxDigits + " dígitos"));
                return null;
            }
            return text.replaceFirst("^0+(?=\\d)", "");
        }

        private String cell(TableRow row, String title, int width) {
            int index = columns.indexOf(title);
            String text = row.cell(index).strip();
            if (text.isEmpty()) {
                errors.add(new TableError(row.number(), title, null, "falta el valor"));
                return null;
            }
            if (row.isExact(index) && text.endsWith(".0")) {
                text = text.substring(0, text.length() - 2);
            }
            if (row.isExact(index) && width > 0 && DIGITS.matcher(text).matches() && text.length() < width) {
                text = "0".repeat(width - text.length()) + text;
            }
            return text;
        }
    }
}

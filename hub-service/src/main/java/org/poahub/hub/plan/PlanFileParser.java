package org.poahub.hub.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.RegionalShare;
import org.poahub.plan.Target;
import org.poahub.plan.TargetKind;
import org.poahub.tables.CellReader;
import org.poahub.tables.Columns;
import org.poahub.tables.NumberStyle;

/**
 * Turns a plan sheet (see {@code docs/plan-format.md}) into a {@link Plan}, checking every rule and collecting every
 * problem with its row and column; throws {@link PlanImportException} listing them all when there is any.
 */
public final class PlanFileParser {

    static final String TYPE = "Tipo";
    static final String CODE = "Código";
    static final String NAME = "Nombre";
    static final String WEIGHT = "Peso";
    static final String RESULT = "Resultado esperado";
    static final String INDICATOR = "Indicador";
    static final String TARGET = "Meta";
    static final String TARGET_KIND = "Tipo de meta";
    static final String MEANS = "Medio de verificación";
    static final String START = "Inicio";
    static final String END = "Fin";
    static final String UNIT = "Unidad responsable";
    static final String OBJECT_CODE = "Partida";
    static final String REGION = "Región";
    static final String TARGET_SHARE = "% meta";
    static final String BUDGET_SHARE = "% presupuesto";
    static final List<String> FIXED_COLUMNS = List.of(TYPE, CODE, NAME, WEIGHT, RESULT, INDICATOR, TARGET, TARGET_KIND,
            MEANS, START, END, UNIT, OBJECT_CODE, REGION, TARGET_SHARE, BUDGET_SHARE);

    static final String KEY_YEAR = "Gestión";
    static final String KEY_ENTITY = "Código de entidad";
    static final String KEY_ACRONYM = "Sigla";
    static final String KEY_NOTE = "Nota";
    /** Optional: how the file's numbers are written ({@code es-BO}: 1.234,56), for numbers that are ambiguous. */
    static final String KEY_NUMBERS = "Formato de números";

    private static final Pattern OBJECTIVE_CODE = Pattern.compile("\\d{2}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ObjectOfExpenditureClassifier classifier;
    private final RegionCatalogue regions;

    public PlanFileParser(ObjectOfExpenditureClassifier classifier, RegionCatalogue regions) {
        this.classifier = classifier;
        this.regions = regions;
    }

    /** Parsing state of one file; a fresh one per call keeps the parser reusable and thread-safe. */
    private final class Run {
        final List<ImportError> errors = new ArrayList<>();
        /** Typed cells, read by the shared reading layer; its problems land in {@link #errors}. */
        CellReader cells = new CellReader(NumberStyle.UNDECLARED, e -> errors.add(ImportError.of(e)));
        Integer year;
        String entity;
        String acronym = "";
        Columns columns;
        List<String> fundingColumns = new ArrayList<>();
        int fundingStart;
        final Map<String, String> objectiveNames = new LinkedHashMap<>();
        final Map<String, ActionRow> actions = new LinkedHashMap<>();
        final Map<String, OperationRow> operations = new LinkedHashMap<>();

        void error(int row, String column, String message) {
            errors.add(new ImportError(row, column, message));
        }

        String cell(PlanSheet.Row row, String column) {
            return columns.text(row.table(), column);
        }

        int index(String column) {
            return columns.indexOf(column);
        }
    }

    private record ActionRow(int row, String code, String name, Integer weight) {
    }

    private static final class OperationRow {
        int row;
        OperationCode code;
        String name;
        String result;
        String indicator;
        Target target;
        String means;
        LocalDate start;
        LocalDate end;
        String unit;
        final Map<String, BudgetLine> lines = new LinkedHashMap<>();
        final Map<String, RegionalShare> shares = new LinkedHashMap<>();
    }

    public Plan parse(PlanSheet sheet) {
        Run run = new Run();
        List<PlanSheet.Row> rows = sheet.rows();
        int headerIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (Columns.key(rows.get(i).cell(0)).equals(Columns.key(TYPE))) {
                headerIndex = i;
                break;
            }
            metadata(run, rows.get(i));
        }
        if (run.year == null) {
            run.error(0, null, "falta la fila '" + KEY_YEAR + "' con el año fiscal antes de la fila de títulos");
        }
        if (run.entity == null) {
            run.error(0, null, "falta la fila '" + KEY_ENTITY + "' antes de la fila de títulos");
        }
        if (headerIndex < 0) {
            run.error(0, null, "falta la fila de títulos (la que empieza con '" + TYPE + "')");
            throw new PlanImportException(run.errors);
        }
        header(run, rows.get(headerIndex));
        for (PlanSheet.Row row : rows.subList(headerIndex + 1, rows.size())) {
            String type = Columns.key(run.cell(row, TYPE));
            switch (type) {
                case "objetivo" -> objective(run, row);
                case "accion" -> action(run, row);
                case "operacion" -> operation(run, row);
                case "partida" -> budgetLine(run, row);
                case "region" -> regionalShare(run, row);
                default -> run.error(row.number(), TYPE, "tipo de fila '" + run.cell(row, TYPE)
                        + "' desconocido (use OBJETIVO, ACCION, OPERACION, PARTIDA o REGION)");
            }
        }
        if (run.operations.isEmpty() && run.errors.isEmpty()) {
            // a file with titles and nothing else would replace the plan with an empty one
            run.error(rows.get(headerIndex).number(), null, "el archivo no tiene ninguna operación: después de la fila "
                    + "de títulos debe haber al menos una fila ACCION y una fila OPERACION");
        }
        crossChecks(run);
        if (!run.errors.isEmpty()) {
            List<ImportError> sorted = new ArrayList<>(run.errors);
            sorted.sort(Comparator.comparingInt(ImportError::row));
            throw new PlanImportException(sorted);
        }
        return build(run);
    }

    private void metadata(Run run, PlanSheet.Row row) {
        String key = row.cell(0).strip();
        String value = row.cell(1).strip();
        switch (Columns.key(key)) {
            case "gestion" -> {
                int before = run.cells.reported();
                Integer year = run.cells.integer(row.table(), 1, KEY_YEAR);
                if (year != null && year >= 1000 && year <= 9999) {
                    run.year = year;
                } else if (run.cells.reported() == before) {
                    run.error(row.number(), KEY_YEAR, "el año fiscal '" + value + "' no es un año de cuatro cifras");
                }
            }
            case "formato de numeros" -> {
                try {
                    NumberStyle declared = NumberStyle.declared(value);
                    run.cells = new CellReader(declared, e -> run.errors.add(ImportError.of(e)));
                } catch (IllegalArgumentException e) {
                    run.error(row.number(), KEY_NUMBERS, e.getMessage());
                }
            }
            case "codigo de entidad" -> {
                if (value.isEmpty()) {
                    run.error(row.number(), KEY_ENTITY, "falta el código de la entidad");
                } else {
                    run.entity = value;
                }
            }
            case "sigla" -> run.acronym = value;
            case "nota" -> {
                // Notes document the file (e.g. the seed's quirks); they are not part of the plan.
            }
            default -> run.error(row.number(), null, "fila '" + key + "' desconocida antes de los títulos (use "
                    + KEY_YEAR + ", " + KEY_ENTITY + ", " + KEY_ACRONYM + ", " + KEY_NUMBERS + " o " + KEY_NOTE + ")");
        }
    }

    private void header(Run run, PlanSheet.Row row) {
        run.columns = Columns.of(row.table());
        for (String title : run.columns.repeated()) {
            run.error(row.number(), title, "título de columna repetido");
        }
        for (String column : run.columns.missing(FIXED_COLUMNS)) {
            run.error(row.number(), column, "falta esta columna en la fila de títulos");
        }
        int last = run.index(BUDGET_SHARE);
        if (last >= 0) {
            run.fundingStart = last + 1;
            for (int i = last + 1; i < row.cells().size(); i++) {
                String title = row.cell(i).strip();
                if (!title.isEmpty()) {
                    run.fundingColumns.add(title);
                }
            }
            if (run.fundingColumns.isEmpty()) {
                run.error(row.number(), null, "faltan las columnas de importe (una por fuente de financiamiento) después de '"
                        + BUDGET_SHARE + "'");
            }
        }
    }

    private void objective(Run run, PlanSheet.Row row) {
        String code = run.cell(row, CODE);
        if (!OBJECTIVE_CODE.matcher(code).matches()) {
            run.error(row.number(), CODE, "el código de objetivo '" + code + "' no tiene el formato NN");
        } else if (run.objectiveNames.putIfAbsent(code, run.cell(row, NAME)) != null) {
            run.error(row.number(), CODE, "el objetivo '" + code + "' está repetido");
        }
    }

    private void action(Run run, PlanSheet.Row row) {
        String code = run.cell(row, CODE);
        String name = run.cell(row, NAME);
        String weightText = run.cell(row, WEIGHT);
        int before = run.cells.reported();
        Integer weight = run.cells.integer(row.table(), run.index(WEIGHT), WEIGHT);
        if (weight == null || weight < 0 || weight > 100) {
            weight = null;
            if (run.cells.reported() == before) {
                run.error(row.number(), WEIGHT, "el peso '" + weightText + "' no es un número entero entre 0 y 100");
            }
        }
        if (name.isEmpty()) {
            run.error(row.number(), NAME, "falta el nombre de la acción");
        }
        if (!Action.isValidCode(code)) {
            run.error(row.number(), CODE, "el código de acción '" + code + "' no tiene el formato NN.NN");
        } else if (run.actions.containsKey(code)) {
            run.error(row.number(), CODE, "el código de acción '" + code + "' está repetido (ya en la fila "
                    + run.actions.get(code).row() + ")");
        } else {
            run.actions.put(code, new ActionRow(row.number(), code, name, weight));
        }
    }

    private void operation(Run run, PlanSheet.Row row) {
        int n = row.number();
        String codeText = run.cell(row, CODE);
        OperationRow op = new OperationRow();
        op.row = n;
        op.code = OperationCode.tryParse(codeText).orElse(null);
        if (op.code == null) {
            run.error(n, CODE, "el código '" + codeText + "' no tiene el formato NN.NN.NN");
        } else if (run.operations.containsKey(op.code.value())) {
            run.error(n, CODE, "el código de operación '" + op.code + "' está repetido (ya en la fila "
                    + run.operations.get(op.code.value()).row + ")");
        }
        op.name = run.cell(row, NAME);
        if (op.name.isEmpty()) {
            run.error(n, NAME, "falta el nombre de la operación");
        }
        op.result = run.cell(row, RESULT);
        op.indicator = run.cell(row, INDICATOR);
        op.means = run.cell(row, MEANS);
        op.unit = run.cell(row, UNIT);
        op.target = target(run, row);
        op.start = date(run, row, START);
        op.end = date(run, row, END);
        if (op.start != null && op.end != null && op.start.isAfter(op.end)) {
            run.error(n, START, "la fecha de inicio " + run.cell(row, START) + " es posterior a la fecha de fin "
                    + run.cell(row, END));
        }
        if (op.code != null && !run.operations.containsKey(op.code.value())) {
            run.operations.put(op.code.value(), op);
        }
    }

    private Target target(Run run, PlanSheet.Row row) {
        String value = run.cell(row, TARGET);
        String kind = run.cell(row, TARGET_KIND).toUpperCase(Locale.ROOT);
        String indicator = run.cell(row, INDICATOR);
        TargetKind targetKind = switch (kind) {
            case "PORCENTAJE" -> TargetKind.PERCENTAGE;
            case "CANTIDAD" -> TargetKind.COUNT;
            case "NINGUNA", "" -> TargetKind.NONE;
            default -> null;
        };
        if (targetKind == null) {
            run.error(row.number(), TARGET_KIND, "tipo de meta '" + run.cell(row, TARGET_KIND)
                    + "' desconocido (use PORCENTAJE, CANTIDAD o NINGUNA)");
            return null;
        }
        if (targetKind == TargetKind.NONE) {
            if (!value.isEmpty()) {
                run.error(row.number(), TARGET, "hay una meta '" + value + "' pero el tipo de meta es NINGUNA");
                return null;
            }
            return Target.none(indicator);
        }
        BigDecimal number = decimal(run, row, TARGET, value, "la meta");
        if (number == null) {
            return null;
        }
        if (targetKind == TargetKind.PERCENTAGE && number.compareTo(HUNDRED) > 0) {
            run.error(row.number(), TARGET, "una meta en porcentaje no puede pasar de 100 ('" + value + "')");
            return null;
        }
        return new Target(number, targetKind, indicator);
    }

    private BigDecimal decimal(Run run, PlanSheet.Row row, String column, String text, String what) {
        if (text.isEmpty()) {
            run.error(row.number(), column, "falta " + what);
            return null;
        }
        BigDecimal read = run.cells.decimal(row.table(), run.index(column), column);
        if (read == null) {
            return null;
        }
        BigDecimal number = normalise(read);
        if (number.signum() < 0) {
            run.error(row.number(), column, what + " '" + text + "' es negativa");
            return null;
        }
        return number;
    }

    /** 100, 100.0 and 100,00 are the same target; keep a canonical scale so versions compare equal. */
    static BigDecimal normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private LocalDate date(Run run, PlanSheet.Row row, String column) {
        String text = run.cell(row, column);
        if (text.isEmpty()) {
            run.error(row.number(), column, "falta la fecha (dd/mm/aaaa)");
            return null;
        }
        LocalDate date = run.cells.date(row.table(), run.index(column), column);
        if (date == null) {
            return null;
        }
        if (run.year != null && date.getYear() != run.year) {
            run.error(row.number(), column, "la fecha " + text + " está fuera de la gestión " + run.year);
            return null;
        }
        return date;
    }

    private void budgetLine(Run run, PlanSheet.Row row) {
        int n = row.number();
        OperationRow op = owner(run, row);
        String objectCode = run.cell(row, OBJECT_CODE);
        boolean codeOk = false;
        if (!ObjectOfExpenditureClassifier.isWellFormedCode(objectCode)) {
            run.error(n, OBJECT_CODE, "la partida '" + objectCode + "' no es un código de cinco cifras");
        } else if (!classifier.isKnown(objectCode)) {
            run.error(n, OBJECT_CODE, "la partida '" + objectCode + "' pertenece al grupo "
                    + ObjectOfExpenditureClassifier.groupCodeOf(objectCode)
                    + ", que no existe en el Clasificador por Objeto del Gasto");
        } else {
            codeOk = true;
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (int c = 0; c < run.fundingColumns.size(); c++) {
            String column = run.fundingColumns.get(c);
            BigDecimal amount = money(run, row, run.fundingStart + c, column);
            amounts.add(amount);
        }
        if (op != null && codeOk && !amounts.contains(null)) {
            if (op.lines.containsKey(objectCode)) {
                run.error(n, OBJECT_CODE, "la partida '" + objectCode + "' está repetida en la operación " + op.code);
            } else {
                op.lines.put(objectCode, new BudgetLine(objectCode, amounts));
            }
        }
    }

    private BigDecimal money(Run run, PlanSheet.Row row, int index, String column) {
        String text = row.cell(index).strip();
        if (text.isEmpty()) {
            run.error(row.number(), column, "falta el importe (escriba 0 si no hay)");
            return null;
        }
        BigDecimal amount = run.cells.decimal(row.table(), index, column);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            run.error(row.number(), column, "el importe '" + text + "' es negativo");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            run.error(row.number(), column, "el importe '" + text + "' tiene más de dos decimales");
            return null;
        }
        return BudgetLine.money(amount);
    }

    private void regionalShare(Run run, PlanSheet.Row row) {
        int n = row.number();
        OperationRow op = owner(run, row);
        String region = run.cell(row, REGION);
        boolean regionOk = regions.isKnown(region);
        if (!regionOk) {
            run.error(n, REGION, "la región '" + region + "' no existe en el catálogo de regiones");
        }
        BigDecimal target = share(run, row, TARGET_SHARE);
        BigDecimal budget = share(run, row, BUDGET_SHARE);
        if (op != null && regionOk && target != null && budget != null) {
            if (op.shares.containsKey(region)) {
                run.error(n, REGION, "la región '" + region + "' está repetida en la operación " + op.code);
            } else {
                op.shares.put(region, new RegionalShare(region, target, budget));
            }
        }
    }

    private BigDecimal share(Run run, PlanSheet.Row row, String column) {
        BigDecimal share = decimal(run, row, column, run.cell(row, column), "el porcentaje");
        if (share != null && share.compareTo(HUNDRED) > 0) {
            run.error(row.number(), column, "el porcentaje '" + run.cell(row, column) + "' pasa de 100");
            return null;
        }
        return share;
    }

    /** The operation a PARTIDA or REGION row belongs to: declared on an earlier OPERACION row. */
    private OperationRow owner(Run run, PlanSheet.Row row) {
        String codeText = run.cell(row, CODE);
        var code = OperationCode.tryParse(codeText);
        if (code.isEmpty()) {
            run.error(row.number(), CODE, "el código '" + codeText + "' no tiene el formato NN.NN.NN");
            return null;
        }
        OperationRow op = run.operations.get(code.get().value());
        if (op == null) {
            run.error(row.number(), CODE, "la operación '" + code.get() + "' no está declarada en una fila OPERACION anterior");
        }
        return op;
    }

    private void crossChecks(Run run) {
        for (OperationRow op : run.operations.values()) {
            if (!run.actions.containsKey(op.code.actionCode())) {
                run.error(op.row, CODE, "la operación '" + op.code + "' no tiene su acción '" + op.code.actionCode()
                        + "' (falta una fila ACCION con ese código)");
            }
        }
        Map<String, List<ActionRow>> byObjective = new LinkedHashMap<>();
        for (ActionRow a : run.actions.values()) {
            byObjective.computeIfAbsent(a.code().substring(0, 2), k -> new ArrayList<>()).add(a);
        }
        for (var entry : byObjective.entrySet()) {
            List<ActionRow> actions = entry.getValue();
            if (actions.stream().anyMatch(a -> a.weight() == null)) {
                continue;
            }
            int sum = actions.stream().mapToInt(ActionRow::weight).sum();
            if (sum != 100) {
                ActionRow last = actions.get(actions.size() - 1);
                run.error(last.row(), WEIGHT, "los pesos de las acciones del objetivo '" + entry.getKey() + "' suman "
                        + sum + "; deben sumar 100");
            }
        }
        Set<String> objectives = new HashSet<>(byObjective.keySet());
        run.objectiveNames.keySet().stream().filter(o -> !objectives.contains(o)).forEach(o ->
                run.error(0, null, "el objetivo '" + o + "' no tiene acciones"));
    }

    private Plan build(Run run) {
        Map<String, List<Action>> actionsByObjective = new LinkedHashMap<>();
        for (String objective : run.objectiveNames.keySet()) {
            actionsByObjective.put(objective, new ArrayList<>());
        }
        for (ActionRow a : run.actions.values()) {
            List<Operation> operations = run.operations.values().stream()
                    .filter(op -> op.code.actionCode().equals(a.code()))
                    .map(op -> new Operation(op.code, op.name, op.result, op.indicator, op.target, op.means, op.start,
                            op.end, op.unit, List.copyOf(op.lines.values()), List.copyOf(op.shares.values())))
                    .toList();
            actionsByObjective.computeIfAbsent(a.code().substring(0, 2), k -> new ArrayList<>())
                    .add(new Action(a.code(), a.name(), a.weight(), operations));
        }
        List<Objective> objectives = actionsByObjective.entrySet().stream()
                .map(e -> new Objective(e.getKey(), run.objectiveNames.getOrDefault(e.getKey(), ""), e.getValue()))
                .toList();
        return new Plan(run.year, run.entity, run.acronym, run.fundingColumns, objectives);
    }
}

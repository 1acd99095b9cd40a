package org.poahub.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The rules' view of a plan read from the plan CSV format ({@code plans/senavex-poa-2020.csv}).
 *
 * <p>For tests of the batch logic without the plan storage; the hub itself uses {@link StoredPlanView}. Funding
 * columns are named as in the file: {@code Columna 1}, {@code Columna 2}.
 */
final class CsvPlanView implements PlanView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Map<String, PlannedOperation> operations;
    private final RegionCatalogue regions;

    private CsvPlanView(Map<String, PlannedOperation> operations, RegionCatalogue regions) {
        this.operations = Map.copyOf(operations);
        this.regions = regions;
    }

    static CsvPlanView load(List<InputStream> planFiles, RegionCatalogue regions) {
        Map<String, PlannedOperation> operations = new LinkedHashMap<>();
        for (InputStream in : planFiles) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                read(reader, operations);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read a plan file", e);
            }
        }
        return new CsvPlanView(operations, regions);
    }

    private static void read(Reader reader, Map<String, PlannedOperation> operations) throws IOException {
        int year = 0;
        Map<String, LocalDate[]> schedules = new LinkedHashMap<>();
        Map<String, List<PlannedBudgetLine>> lines = new LinkedHashMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(reader)) {
            switch (cell(row, 0)) {
                case "Gestión" -> year = Integer.parseInt(cell(row, 1));
                case "OPERACION" -> schedules.put(cell(row, 1), new LocalDate[] {date(cell(row, 9)), date(cell(row, 10))});
                case "PARTIDA" -> {
                    List<PlannedBudgetLine> operationLines = lines.computeIfAbsent(cell(row, 1), k -> new ArrayList<>());
                    addLine(operationLines, cell(row, 12), "Columna 1", cell(row, 16));
                    addLine(operationLines, cell(row, 12), "Columna 2", cell(row, 17));
                }
                default -> {
                }
            }
        }
        for (Map.Entry<String, LocalDate[]> operation : schedules.entrySet()) {
            LocalDate start = operation.getValue()[0] != null ? operation.getValue()[0] : LocalDate.of(year, 1, 1);
            LocalDate end = operation.getValue()[1] != null ? operation.getValue()[1] : LocalDate.of(year, 12, 31);
            operations.put(key(year, operation.getKey()), new PlannedOperation(operation.getKey(), year, start, end,
                    lines.getOrDefault(operation.getKey(), List.of())));
        }
    }

    private static void addLine(List<PlannedBudgetLine> lines, String objectCode, String column, String amount) {
        if (!amount.isEmpty() && new BigDecimal(amount).signum() > 0) {
            lines.add(new PlannedBudgetLine(objectCode, column, new BigDecimal(amount)));
        }
    }

    private static String cell(CSVRecord row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text, DATE);
    }

    private static String key(int year, String code) {
        return year + "/" + code;
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        return Optional.ofNullable(operations.get(key(fiscalYear, operationCode)));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }
}

package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;

/**
 * Puts both sides of the line reconciliation on one key through the mapping in force (docs/finance.md, "Line
 * keys"): categoría programática → operation, fuente/organismo → funding column, DA/UE → region.
 * <ul>
 * <li>A category of one operation is keyed by that operation. A category shared by several operations is keyed by
 * the category alone ({@code operation} ""): SIGEP cannot split its devengado, so the regions' expenditure of all
 * those operations is summed against it. A SIGEP category no operation maps to is keyed by the category alone too
 * (it can only be SOLO_EN_SIGEP); a regional operation without a category is keyed by the operation alone.</li>
 * <li>Funding and region dimensions that are not mapped are dropped ("" = not mapped / national), on both sides
 * alike, so such lines reconcile without that dimension.</li>
 * </ul>
 */
public final class LineKeys {

    /** The key of a reconciliation line; "" where a dimension is not mapped. */
    public record Key(String category, String operation, String partida, String fundingColumn, String region)
            implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::category)
                .thenComparing(Key::operation).thenComparing(Key::partida).thenComparing(Key::fundingColumn)
                .thenComparing(Key::region);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** What a key stands for in SIGEP's terms, kept with the line. */
    public record Detail(String programa, String proyecto, String actividad, String fuente, String organismo,
            List<String> operations) {
        public Detail {
            operations = List.copyOf(operations);
        }
    }

    /** A LINEA line of an execution extract (DIFERENCIA lines are not reconciled; they are reported apart). */
    public record SigepLine(String da, String ue, String programa, String proyecto, String actividad, String fuente,
            String organismo, String partida, BigDecimal devengado) {
    }

    /** The sum of accepted regional expenditure of one operation × partida × funding column × region. */
    public record RegionalSpend(String operation, String partida, String fundingColumn, String region,
            BigDecimal amount) {
    }

    /** Both sides summed by key, and what each key stands for. */
    public record Sides(Map<Key, BigDecimal> sigep, Map<Key, BigDecimal> regional, Map<Key, Detail> details) {
    }

    private final Map<ProgramCategory, List<String>> operationsByCategory = new HashMap<>();
    private final Map<String, ProgramCategory> categoryByOperation;
    private final Map<FundingSource, String> columnBySource = new HashMap<>();
    private final Map<String, FundingSource> sourceByColumn;
    private final Map<AdministrativeUnit, String> regionByUnit = new HashMap<>();
    private final Map<String, AdministrativeUnit> unitByRegion;

    public LineKeys(BudgetMapping mapping) {
        categoryByOperation = mapping.operations();
        mapping.operations().forEach((op, category) -> operationsByCategory
                .computeIfAbsent(category, c -> new ArrayList<>()).add(op));
        operationsByCategory.values().forEach(ops -> ops.sort(Comparator.naturalOrder()));
        sourceByColumn = mapping.funding();
        mapping.funding().forEach((column, source) -> columnBySource.put(source, column));
        unitByRegion = new HashMap<>();
        mapping.regions().forEach((region, unit) -> {
            AdministrativeUnit normal = new AdministrativeUnit(unpadded(unit.da()), unpadded(unit.ue()));
            unitByRegion.put(region, normal);
            regionByUnit.put(normal, region);
        });
    }

    public Sides sides(List<SigepLine> sigepLines, List<RegionalSpend> regionalSpend) {
        Map<Key, BigDecimal> sigep = new TreeMap<>();
        Map<Key, BigDecimal> regional = new TreeMap<>();
        Map<Key, Detail> details = new TreeMap<>();
        for (SigepLine l : sigepLines) {
            ProgramCategory category = new ProgramCategory(l.programa(), l.proyecto(), l.actividad());
            List<String> ops = operationsByCategory.getOrDefault(category, List.of());
            String column = columnBySource.getOrDefault(new FundingSource(l.fuente(), l.organismo()), "");
            String region = regionByUnit.getOrDefault(new AdministrativeUnit(unpadded(l.da()), unpadded(l.ue())), "");
            Key key = new Key(category.text(), ops.size() == 1 ? ops.get(0) : "", l.partida(), column, region);
            sigep.merge(key, l.devengado(), BigDecimal::add);
            details.putIfAbsent(key, new Detail(l.programa(), l.proyecto(), l.actividad(), l.fuente(), l.organismo(),
                    ops));
        }
        for (RegionalSpend r : regionalSpend) {
            Optional<ProgramCategory> category = Optional.ofNullable(categoryByOperation.get(r.operation()));
            List<String> ops = category.map(operationsByCategory::get).orElse(List.of(r.operation()));
            String column = sourceByColumn.containsKey(r.fundingColumn()) ? r.fundingColumn() : "";
            String region = unitByRegion.containsKey(r.region()) ? r.region() : "";
            Key key = new Key(category.map(ProgramCategory::text).orElse(""), ops.size() == 1 ? ops.get(0) : "",
                    r.partida(), column, region);
            regional.merge(key, r.amount(), BigDecimal::add);
            FundingSource source = sourceByColumn.get(column);
            details.putIfAbsent(key, new Detail(category.map(ProgramCategory::programa).orElse(null),
                    category.map(ProgramCategory::proyecto).orElse(null),
                    category.map(ProgramCategory::actividad).orElse(null),
                    source == null ? null : source.fuente(), source == null ? null : source.organismo(), ops));
        }
        return new Sides(sigep, regional, details);
    }

    /** The region DA/UE map to, "" when none does. */
    public String regionOf(String da, String ue) {
        return regionByUnit.getOrDefault(new AdministrativeUnit(unpadded(da), unpadded(ue)), "");
    }

    /**
     * DA/UE are 1–3 digits and SIGEP may write {@code 02} for {@code 2}: leading zeros that a digit follows go. A loop,
     * not a pattern: it runs for every voucher of a listing.
     */
    private static String unpadded(String code) {
        if (code == null) {
            return "";
        }
        String stripped = code.strip();
        int start = 0;
        while (start < stripped.length() - 1 && stripped.charAt(start) == '0' && isDigit(stripped.charAt(start + 1))) {
            start++;
        }
        return stripped.substring(start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

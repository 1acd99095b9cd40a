package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMappingRepository;
import org.poahub.hub.finance.mapping.BudgetMappingRepository.MappingVersion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIGEP's devengado of a gestión at a cut-off date, per categoría programática with the plan operations the mapping in
 * force puts in it (through {@link LineKeys}, the reconciliation's one way of putting SIGEP lines on the plan): what the
 * quarterly physical–financial follow-up reads as "executed" when an extract covers the quarter. Only LINEA lines count
 * (a program total that is not the sum of its lines is SIGEP's own difference, not execution of a category).
 */
@Component
public class SigepDevengado {

    /** The extract behind the figures. */
    public record Source(long extractId, int version, LocalDate cutOff, Instant loadedAt, long mappingId,
            int mappingVersion) {
    }

    /**
     * The devengado of one category (all partidas, funding sources and DA/UE summed).
     *
     * @param operations the operations the mapping puts in the category, sorted; empty when none does
     */
    public record Category(String category, List<String> operations, BigDecimal devengado) {
    }

    /**
     * @param categories         SIGEP's devengado by category text ({@code 11-0000-004}); a mapped category without
     *                           lines in the extract is not listed (its devengado is 0)
     * @param categoryOfOperation the mapping in force: operation → category text
     */
    public record AtCutOff(Source source, Map<String, Category> categories, Map<String, String> categoryOfOperation) {

        public AtCutOff {
            categories = Map.copyOf(categories);
            categoryOfOperation = Map.copyOf(categoryOfOperation);
        }

        /** The operations the mapping puts in a category, sorted. */
        public List<String> operationsOf(String category) {
            return categoryOfOperation.entrySet().stream().filter(e -> e.getValue().equals(category))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        /** SIGEP's devengado of a category, 0.00 when the extract has no line of it. */
        public BigDecimal devengadoOf(String category) {
            Category c = categories.get(category);
            return c == null ? BigDecimal.ZERO.setScale(2) : c.devengado();
        }
    }

    private final JdbcReconciliationRepository repository;
    private final BudgetMappingRepository mappings;

    SigepDevengado(JdbcReconciliationRepository repository, BudgetMappingRepository mappings) {
        this.repository = repository;
        this.mappings = mappings;
    }

    /**
     * Empty when no EJECUCION extract in force has exactly this cut-off, or the gestión has no mapping (the categories
     * could not be put on operations).
     */
    @Transactional(readOnly = true)
    public Optional<AtCutOff> at(int fiscalYear, LocalDate cutOff) {
        Optional<MappingVersion> mapping = mappings.current(fiscalYear);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        return repository.executionExtractAt(fiscalYear, cutOff).map(extract -> {
            BudgetMapping budgetMapping = mappings.mapping(mapping.get(), "");
            LineKeys.Sides sides = new LineKeys(budgetMapping).sides(repository.sigepLines(extract.id()), List.of());
            Map<String, String> categoryOfOperation = new TreeMap<>();
            budgetMapping.operations().forEach((op, category) -> categoryOfOperation.put(op, category.text()));
            Map<String, Category> categories = new TreeMap<>();
            sides.sigep().forEach((key, devengado) -> categories.merge(key.category(),
                    new Category(key.category(), sides.details().get(key).operations(), devengado),
                    (a, b) -> new Category(a.category(), a.operations(), a.devengado().add(b.devengado()))));
            return new AtCutOff(new Source(extract.id(), extract.version(), extract.cutOff(), extract.loadedAt(),
                    mapping.get().id(), mapping.get().version()), categories, categoryOfOperation);
        });
    }
}

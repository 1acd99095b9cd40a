package org.poahub.hub.finance.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one fiscal year's plan maps onto the budget structure of the financial system (SIGEP): operation → categoría
 * programática, funding column → fuente/organismo, region → DA/UE. Optional and partial: an operation, column or
 * region without an entry is simply not mapped.
 *
 * @param fiscalYear the gestión
 * @param entityCode the entity (código de entidad), as in the plan
 * @param notes      the file's {@code Nota} rows (documentation, e.g. "ilustrativo")
 * @param operations by operation code
 * @param funding    by funding column title
 * @param regions    by region code
 */
public record BudgetMapping(int fiscalYear, String entityCode, List<String> notes,
        Map<String, ProgramCategory> operations, Map<String, FundingSource> funding,
        Map<String, AdministrativeUnit> regions) {

    public BudgetMapping {
        notes = List.copyOf(notes);
        operations = java.util.Collections.unmodifiableMap(new TreeMap<>(operations));
        funding = java.util.Collections.unmodifiableMap(new TreeMap<>(funding));
        regions = java.util.Collections.unmodifiableMap(new TreeMap<>(regions));
    }

    /** Categoría programática: programa (2 digits), proyecto (4), actividad (3), e.g. 00 0000 001. */
    public record ProgramCategory(String programa, String proyecto, String actividad) {
        /** As SIGEP prints it, e.g. {@code 00-0000-001}. */
        public String text() {
            return programa + "-" + proyecto + "-" + actividad;
        }
    }

    /** Fuente de financiamiento (2 digits) and organismo financiador (3), e.g. 41 / 111. */
    public record FundingSource(String fuente, String organismo) {
        public String text() {
            return fuente + "-" + organismo;
        }
    }

    /** Dirección administrativa and unidad ejecutora, e.g. DA 2 / UE 1. */
    public record AdministrativeUnit(String da, String ue) {
    }

    public Optional<String> regionOf(String da, String ue) {
        return regions.entrySet().stream()
                .filter(e -> e.getValue().da().equals(da) && e.getValue().ue().equals(ue))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The same mapping (notes aside): loading it again changes nothing. */
    public boolean sameMappingAs(BudgetMapping other) {
        return other != null && fiscalYear == other.fiscalYear && entityCode.equals(other.entityCode)
                && operations.equals(other.operations) && funding.equals(other.funding)
                && regions.equals(other.regions);
    }
}

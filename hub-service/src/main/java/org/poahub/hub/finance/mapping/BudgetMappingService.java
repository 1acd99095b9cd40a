package org.poahub.hub.finance.mapping;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.plan.PlanService;
import org.poahub.hub.plan.PlanVersion;
import org.poahub.plan.Plan;
import org.poahub.tables.Table;
import org.poahub.tables.TableError;
import org.poahub.tables.TableException;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a budget mapping file (API and CLI): read with the shared reading layer, checked against the plan in force
 * for its gestión, stored as the next version unless it equals the version in force. Audited as
 * {@code FINANCE_MAPPING_LOADED}.
 */
@Service
public class BudgetMappingService {

    private final BudgetMappingParser parser;
    private final BudgetMappingRepository repository;
    private final PlanService plans;
    private final ApplicationEventPublisher events;

    BudgetMappingService(BudgetMappingParser parser, BudgetMappingRepository repository, PlanService plans,
            ApplicationEventPublisher events) {
        this.parser = parser;
        this.repository = repository;
        this.plans = plans;
        this.events = events;
    }

    /** What a load did: stored as a new version, or the same as the version in force. */
    public record LoadResult(boolean created, BudgetMappingRepository.MappingVersion version, int operations,
            int fundingColumns, int regions) {
    }

    @Transactional
    public LoadResult load(byte[] content, String fileName, String user) {
        Table table;
        try {
            table = TableReader.read(fileName, content, TableOptions.defaults());
        } catch (TableException e) {
            throw new BudgetMappingException(e.errors());
        }
        int year = parser.fiscalYear(table);
        PlanVersion planVersion = plans.version(year, null).orElseThrow(() -> new BudgetMappingException(List.of(
                TableError.ofFile("no hay plan para la gestión " + year + "; importe primero el plan"))));
        Plan plan = plans.plan(planVersion);
        BudgetMapping mapping = parser.parse(table, plan);
        Optional<BudgetMappingRepository.MappingVersion> current = repository.current(year);
        if (current.isPresent() && mapping.sameMappingAs(repository.mapping(current.get(), plan.entityCode()))) {
            return result(false, current.get(), mapping);
        }
        var stored = repository.insert(mapping, fileName, sha256(content), user);
        events.publishEvent(new StaffAction(user, "FINANCE_MAPPING_LOADED", "mapeo-presupuestario/" + year,
                current.<Map<String, Object>>map(v -> Map.of("version", v.version())).orElse(Map.of()),
                Map.of("version", stored.version(), "file", fileName, "operations", mapping.operations().size(),
                        "fundingColumns", mapping.funding().size(), "regions", mapping.regions().size())));
        events.publishEvent(new MappingLoaded(year, stored.id(), stored.version()));
        return result(true, stored, mapping);
    }

    /** Published when a new version is stored, inside its transaction (the reconciliation listens after commit). */
    public record MappingLoaded(int fiscalYear, long mappingId, int version) {
    }

    /** The mapping in force for a gestión, if any. */
    public Optional<BudgetMapping> current(int fiscalYear) {
        return repository.current(fiscalYear).flatMap(v -> plans.version(fiscalYear, null)
                .map(p -> repository.mapping(v, plans.plan(p).entityCode())));
    }

    private static LoadResult result(boolean created, BudgetMappingRepository.MappingVersion v, BudgetMapping m) {
        return new LoadResult(created, v, m.operations().size(), m.funding().size(), m.regions().size());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

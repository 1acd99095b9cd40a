package org.poahub.hub.finance.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.consolidation.CurrentPlans;
import org.poahub.hub.consolidation.PlanSource.VersionedPlan;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMappingRepository;
import org.poahub.hub.review.PeriodGranularity;
import org.poahub.hub.review.ReviewPeriod;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.FinanceOutbox;
import org.poahub.routes.finance.OutboxFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the consolidated execution of a period (docs/finance.md, "Execution out"): computes it
 * ({@link ExecutionCalculator}), and unless the same state (SHA-256 of the figures) was exported already for the
 * period, records it as the period's next version with its files, audited ({@code FINANCE_EXECUTION_EXPORTED}).
 * Delivery (outbox, topic) follows the commit ({@link ExportDelivery}).
 */
@Service
public class FinanceExportService {

    /** Why an export was made ({@code finance_export.trigger}). */
    public enum Trigger { API, PROGRAMADO, APROBACION }

    /** What asking for an export did: recorded a new version, or found the same state exported already. */
    public record ExportResult(boolean created, ExportRecord export) {
    }

    /** Published inside the recording transaction; delivery starts once it commits. */
    record ExportRecorded(long id) {
    }

    private final CurrentPlans plans;
    private final ConsolidationService consolidation;
    private final BudgetMappingRepository mappings;
    private final JdbcExportRepository repository;
    private final ApplicationEventPublisher events;
    private final String destination;
    private final JsonMapper json = JsonMapper.builder().build();

    FinanceExportService(CurrentPlans plans, ConsolidationService consolidation, BudgetMappingRepository mappings,
            JdbcExportRepository repository, ApplicationEventPublisher events, FinanceOutbox outbox) {
        this.plans = plans;
        this.consolidation = consolidation;
        this.mappings = mappings;
        this.repository = repository;
        this.events = events;
        this.destination = outbox.describe();
    }

    /**
     * Records an export of the period's current state, or returns the earlier export of that same state. Its own
     * transaction (also called after an approval committed).
     *
     * @throws ExportRefusedException for a period that is not one of the gestión, or a gestión without a plan
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ExportResult export(int fiscalYear, String periodKey, Trigger trigger, String actor) {
        ReviewPeriod period = period(fiscalYear, periodKey);
        repository.lock(fiscalYear, period.key());
        PeriodExecution execution = compute(period);
        String figures = json.writeValueAsString(execution);
        String state = ExtractFileHandler.sha256(figures.getBytes(StandardCharsets.UTF_8));
        Optional<ExportRecord> earlier = repository.findByState(fiscalYear, period.key(), state);
        if (earlier.isPresent()) {
            return new ExportResult(false, earlier.get());
        }
        int version = repository.nextVersion(fiscalYear, period.key());
        String base = ExportFiles.baseName(execution, version);
        byte[] csv = ExportFiles.csv(execution, version, state);
        byte[] xlsx = ExportFiles.xlsx(execution, version, state);
        String csvSha = ExtractFileHandler.sha256(csv);
        String xlsxSha = ExtractFileHandler.sha256(xlsx);
        long id = repository.insert(execution.entityCode(), fiscalYear, period.key(), version, state, base, csv,
                csvSha, xlsx, xlsxSha, figures, destination, actor, trigger.name());
        events.publishEvent(new StaffAction(actor, "FINANCE_EXECUTION_EXPORTED", "ejecucion/" + fiscalYear + "/"
                + period.key(), Map.of(), Map.of("exportId", id, "version", version, "files", base,
                "stateSha256", state, "csvSha256", csvSha, "xlsxSha256", xlsxSha, "trigger", trigger.name(),
                "physicalProgress", execution.physicalProgress().toPlainString(),
                "spent", execution.spent().toPlainString())));
        events.publishEvent(new ExportRecorded(id));
        return new ExportResult(true, repository.find(id).orElseThrow());
    }

    /** The period's execution as it stands now: what an export made now would carry. */
    @Transactional(readOnly = true)
    public PeriodExecution execution(int fiscalYear, String periodKey) {
        return compute(period(fiscalYear, periodKey));
    }

    @Transactional(readOnly = true)
    public List<ExportRecord> exports(int fiscalYear) {
        return repository.list(fiscalYear);
    }

    /** A recorded export with the execution it carried. */
    public record ExportDetail(ExportRecord export, PeriodExecution execution) {
    }

    @Transactional(readOnly = true)
    public Optional<ExportDetail> export(long id) {
        return repository.find(id).map(r -> new ExportDetail(r, recorded(id)));
    }

    /** The execution an export recorded (its {@code figures}). */
    PeriodExecution recorded(long id) {
        return json.readValue(repository.figures(id), PeriodExecution.class);
    }

    /** The files of an export in the order they are written: the CSV, the XLSX, then the {@code .done} file. */
    static List<OutboxFile> files(JdbcExportRepository.Files files) {
        OutboxFile csv = new OutboxFile(files.fileBase() + ".csv", files.csv());
        OutboxFile xlsx = new OutboxFile(files.fileBase() + ".xlsx", files.xlsx());
        return List.of(csv, xlsx, new OutboxFile(files.fileBase() + ".done", ExportFiles.done(List.of(csv, xlsx))));
    }

    private PeriodExecution compute(ReviewPeriod period) {
        int year = period.fiscalYear();
        VersionedPlan plan = plans.current(year).orElseThrow(() -> new ExportRefusedException(HttpStatus.CONFLICT,
                "No hay plan para la gestión " + year + "; no hay ejecución que exportar."));
        var figures = consolidation.figures(year, period.end()).orElseThrow(() -> new ExportRefusedException(
                HttpStatus.CONFLICT, "No hay plan para la gestión " + year + "; no hay ejecución que exportar."))
                .figures();
        Optional<BudgetMappingRepository.MappingVersion> mappingVersion = mappings.current(year);
        BudgetMapping mapping = mappingVersion.map(v -> mappings.mapping(v, plan.plan().entityCode())).orElse(null);
        return ExecutionCalculator.compute(period, plan.plan(), plan.version(), figures, mapping,
                mappingVersion.map(BudgetMappingRepository.MappingVersion::version).orElse(null),
                repository.spend(year, period.end()));
    }

    /** A month ({@code 2020-03}), a quarter ({@code 2020-T1}) or the whole gestión ({@code 2020}). */
    static ReviewPeriod period(int fiscalYear, String key) {
        if (String.valueOf(fiscalYear).equals(key)) {
            return new ReviewPeriod(fiscalYear, key, LocalDate.of(fiscalYear, 1, 1), LocalDate.of(fiscalYear, 12, 31));
        }
        return PeriodGranularity.parseAny(fiscalYear, key).orElseThrow(() -> new ExportRefusedException(
                HttpStatus.BAD_REQUEST, "El período '" + key + "' no es de la gestión " + fiscalYear
                + ": escriba un mes (" + fiscalYear + "-03), un trimestre (" + fiscalYear + "-T1) o la gestión ("
                + fiscalYear + ")."));
    }
}

package org.poahub.hub.plan;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.audit.StaffAction;
import org.poahub.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports plan files as versions and reads them back. */
@Service
public class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final PlanFileParser parser;
    private final PlanRepository repository;
    private final ApplicationEventPublisher events;

    public PlanService(PlanFileParser parser, PlanRepository repository, ApplicationEventPublisher events) {
        this.parser = parser;
        this.repository = repository;
        this.events = events;
    }

    /** Reads a {@code .xlsx} (recognised by its zip signature) or a UTF-8 {@code .csv}. */
    public Plan parse(byte[] content) {
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return parser.parse(zip ? XlsxPlanReader.read(content) : CsvPlanReader.read(content));
    }

    /**
     * Validates and stores a plan file as the next version of its fiscal year, atomically: a file with any error
     * changes nothing and the {@link PlanImportException} lists every error.
     */
    @Transactional
    public PlanImportResult importPlan(byte[] content, String fileName, String user, String reason) {
        Plan plan = parse(content);
        repository.lockYear(plan.fiscalYear());
        Optional<PlanVersion> current = repository.latest(plan.fiscalYear());
        if (current.isPresent() && repository.load(current.get()).equals(plan)) {
            log.info("Plan {} from {} equals current version {}; nothing stored", plan.fiscalYear(), fileName,
                    current.get().version());
            return new PlanImportResult(current.get(), false);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            if (current.isPresent()) {
                throw new PlanImportException(List.of(new ImportError(0, null, "ya existe la versión "
                        + current.get().version() + " del plan " + plan.fiscalYear()
                        + "; indique el motivo de la reformulación")));
            }
            why = "Versión inicial";
        }
        int next = current.map(v -> v.version() + 1).orElse(1);
        PlanVersion stored = repository.insert(plan, next, user, why, fileName == null ? "" : fileName, sha256(content));
        log.info("Stored plan {} version {} ({} operations) from {} by {}", plan.fiscalYear(), next,
                plan.operations().size(), fileName, user);
        events.publishEvent(new PlanImported(stored));
        events.publishEvent(new StaffAction(user, "PLAN_IMPORTED", plan.fiscalYear() + "/v" + next,
                current.<Map<String, Object>>map(v -> Map.of("version", v.version(), "checksum", v.checksumSha256()))
                        .orElse(Map.of()),
                Map.of("version", next, "reason", why, "file", stored.sourceFile(), "checksum",
                        stored.checksumSha256(), "operations", plan.operations().size())));
        return new PlanImportResult(stored, true);
    }

    public List<Integer> fiscalYears() {
        return repository.fiscalYears();
    }

    public List<PlanVersion> versions(int fiscalYear) {
        return repository.versions(fiscalYear);
    }

    /** The given version, or the current (newest) one when {@code version} is null. */
    public Optional<PlanVersion> version(int fiscalYear, Integer version) {
        return version == null ? repository.latest(fiscalYear) : repository.version(fiscalYear, version);
    }

    public Plan plan(PlanVersion version) {
        return repository.load(version);
    }

    public Optional<PlanDiff> diff(int fiscalYear, int from, int to) {
        var a = repository.version(fiscalYear, from);
        var b = repository.version(fiscalYear, to);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PlanDiff.between(repository.load(a.get()), repository.load(b.get())));
    }

    /**
     * Whether reports on an operation code refer to the current plan, to an operation dropped by a later version
     * (reports stay valid and are flagged), or to no operation of the year at all. For the report ingest.
     */
    public OperationStatus operationStatus(int fiscalYear, String operationCode) {
        Optional<PlanVersion> current = repository.latest(fiscalYear);
        Optional<Integer> last = repository.lastVersionContaining(fiscalYear, operationCode);
        if (current.isEmpty() || last.isEmpty()) {
            return new OperationStatus(operationCode, OperationStatus.State.UNKNOWN, null, current.map(PlanVersion::version).orElse(null));
        }
        boolean active = last.get() == current.get().version();
        return new OperationStatus(operationCode, active ? OperationStatus.State.ACTIVE : OperationStatus.State.DROPPED,
                last.get(), current.get().version());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

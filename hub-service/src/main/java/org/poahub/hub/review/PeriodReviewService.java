package org.poahub.hub.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.consolidation.PlanSource;
import org.poahub.hub.review.ReviewRepository.PeriodRow;
import org.poahub.hub.review.ReviewRepository.Snapshot;
import org.poahub.hub.review.ReviewViews.Cell;
import org.poahub.hub.review.ReviewViews.Completeness;
import org.poahub.hub.review.ReviewViews.Figures;
import org.poahub.hub.review.ReviewViews.Grid;
import org.poahub.hub.review.ReviewViews.PeriodColumn;
import org.poahub.hub.review.ReviewViews.PeriodDetail;
import org.poahub.hub.review.ReviewViews.TransitionResult;
import org.poahub.hub.security.RegionScope;
import org.poahub.hub.security.Roles;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approval of each period (docs/review.md): who may move a region's period from which state to which, the
 * snapshot an approval freezes, and the national approval. Every rule is checked here, whatever the URL rules say:
 * presenting needs a {@code REGIONAL} user of that region; approving and observing need {@code ANALISTA}; reading
 * needs a national role or the region's own user. Two transitions on the same version: exactly one wins (a
 * conditional update), the other gets a 409.
 */
@Service
public class PeriodReviewService {

    /** Longest observation or transition comment. */
    static final int MAX_COMMENT = 2000;

    private final ReviewRepository repository;
    private final ConsolidationService consolidation;
    private final PlanSource plans;
    private final RegionCatalogue regions;
    private final ReviewProperties properties;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    PeriodReviewService(ReviewRepository repository, ConsolidationService consolidation, PlanSource plans,
                        RegionCatalogue regions, ReviewProperties properties, ApplicationEventPublisher events) {
        this.repository = repository;
        this.consolidation = consolidation;
        this.plans = plans;
        this.regions = regions;
        this.properties = properties;
        this.events = events;
        this.json = JsonMapper.builder().build();
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** The periods × regions grid of a year (a regional user sees its own region only). */
    @Transactional(readOnly = true)
    public Grid grid(Authentication caller, int fiscalYear) {
        requireReader(caller);
        Plan plan = plan(fiscalYear);
        Map<String, PeriodRow> rows = repository.year(fiscalYear).stream()
                .collect(Collectors.toMap(r -> r.period() + "|" + r.regionCode(), Function.identity()));
        List<PeriodColumn> columns = properties.granularity().periods(fiscalYear).stream().map(period -> {
            List<Cell> cells = regions.regions().stream()
                    .filter(region -> RegionScope.covers(caller, region.code()))
                    .map(region -> {
                        PeriodRow row = rows.get(period.key() + "|" + region.code());
                        return new Cell(region.code(), region.name(), hasOperations(plan, period, region.code()),
                                row == null ? PeriodState.ABIERTO : row.state(), row == null ? 0 : row.version());
                    }).toList();
            Optional<Instant> approvedAt = nationallyApproved(plan, period, rows)
                    ? repository.nationalApprovedAt(fiscalYear, period.key()) : Optional.empty();
            return new PeriodColumn(period.key(), period.start(), period.end(),
                    approvedAt.isPresent() ? PeriodState.APROBADO.name() : "EN_REVISION", approvedAt.orElse(null),
                    cells);
        }).toList();
        return new Grid(fiscalYear, properties.granularity(), columns);
    }

    /** One region's period: state, completeness, figures as approved and current, late reports, history. */
    @Transactional(readOnly = true)
    public PeriodDetail detail(Authentication caller, int fiscalYear, String periodKey, String regionCode) {
        requireReader(caller);
        String region = region(regionCode);
        RegionScope.require(caller, region);
        Plan plan = plan(fiscalYear);
        ReviewPeriod period = period(fiscalYear, periodKey);
        Optional<PeriodRow> row = repository.find(fiscalYear, period.key(), region);
        Consolidation current = figuresAsOfEnd(period);
        RegionFigures now = RegionFigures.of(current, region);
        Optional<Snapshot> snapshot = row.flatMap(r -> repository.latestSnapshot(r.id()));
        RegionFigures approved = snapshot.map(s -> json.readValue(s.figuresJson(), RegionFigures.class))
                .orElse(null);
        Set<String> carried = plan.operationsCarriedBy(region).stream().map(op -> op.code().toString())
                .collect(Collectors.toSet());
        Completeness completeness = new Completeness(repository.sequenceGaps(region),
                repository.rejections(period, region),
                current.alerts().stream().filter(a -> carried.contains(a.operationCode())).toList());
        PeriodState state = row.map(PeriodRow::state).orElse(PeriodState.ABIERTO);
        boolean withOperations = hasOperations(plan, period, region);
        return new PeriodDetail(fiscalYear, period.key(), period.start(), period.end(), region, regionName(region),
                withOperations, state,
                row.map(PeriodRow::version).orElse(0), row.map(PeriodRow::changedBy).orElse(null),
                row.map(PeriodRow::changedAt).orElse(null), row.map(PeriodRow::lastComment).orElse(null),
                completeness, new Figures(now, approved, approved == null ? null : now.since(approved)),
                row.map(r -> repository.lateReports(r.id(), snapshot.map(s -> s.info().id()).orElse(null)))
                        .orElse(List.of()),
                row.map(r -> repository.snapshots(r.id())).orElse(List.of()),
                row.map(r -> repository.transitions(r.id())).orElse(List.of()),
                allowedActions(caller, region, state, withOperations));
    }

    /** The transitions {@code caller} may ask for on a region's period in {@code state}: the rules of
     * {@link #present}, {@link #approve} and {@link #observe} before any version check. */
    static List<String> allowedActions(Authentication caller, String region, PeriodState state,
                                       boolean withOperations) {
        List<String> allowed = new ArrayList<>();
        if (withOperations && PeriodState.PRESENTABLE.contains(state) && hasRole(caller, Roles.REGIONAL)
                && RegionScope.regionOf(caller).filter(region::equalsIgnoreCase).isPresent()) {
            allowed.add("present");
        }
        if (PeriodState.REVIEWABLE.contains(state) && hasRole(caller, Roles.ANALISTA)) {
            allowed.add("approve");
            allowed.add("observe");
        }
        return List.copyOf(allowed);
    }

    // ---- transitions ----------------------------------------------------------------------------------------

    /** The region closes its period (ABIERTO or OBSERVADO → PRESENTADO): only a REGIONAL user of that region. */
    @Transactional
    public TransitionResult present(Authentication caller, int fiscalYear, String periodKey, String regionCode,
                                    Integer expectedVersion, String comment) {
        String region = region(regionCode);
        if (!hasRole(caller, Roles.REGIONAL) || RegionScope.regionOf(caller).isEmpty()) {
            throw ReviewException.forbidden("Solo el personal de la regional " + region
                    + " puede presentar sus períodos.");
        }
        RegionScope.require(caller, region);
        Plan plan = plan(fiscalYear);
        ReviewPeriod period = period(fiscalYear, periodKey);
        if (!hasOperations(plan, period, region)) {
            throw ReviewException.conflict("La regional " + region + " no tiene operaciones en el período "
                    + period.key() + ": no hay nada que presentar.");
        }
        PeriodRow row = repository.findOrCreate(period, region);
        String note = comment(comment, false);
        return move(caller, row, expectedVersion, PeriodState.PRESENTABLE, PeriodState.PRESENTADO, note,
                "PERIOD_PRESENTED", null);
    }

    /**
     * An analyst approves (PRESENTADO or PENDIENTE_REAPROBACION → APROBADO): the region's figures as of the period's
     * last day are frozen in a new snapshot; when this completes every region with operations,
     * {@link NationalPeriodApproved} is published (listeners with {@code @TransactionalEventListener} run after the
     * commit).
     */
    @Transactional
    public TransitionResult approve(Authentication caller, int fiscalYear, String periodKey, String regionCode,
                                    Integer expectedVersion, String comment) {
        requireAnalyst(caller, "aprobar");
        String region = region(regionCode);
        Plan plan = plan(fiscalYear);
        ReviewPeriod period = period(fiscalYear, periodKey);
        String note = comment(comment, false);
        repository.lockNational(period);
        PeriodRow row = existing(period, region);
        TransitionResult moved = move(caller, row, expectedVersion, PeriodState.REVIEWABLE, PeriodState.APROBADO, note,
                "PERIOD_APPROVED", snapshotOf(period, region, caller.getName()));
        if (!nationallyApproved(plan, period, repository.year(fiscalYear).stream()
                .filter(r -> r.period().equals(period.key()))
                .collect(Collectors.toMap(r -> r.period() + "|" + r.regionCode(), Function.identity())))) {
            return moved;
        }
        repository.nationalApproved(period, caller.getName(), moved.changedAt());
        events.publishEvent(new NationalPeriodApproved(fiscalYear, period.key(), period.start(), period.end(),
                caller.getName(), moved.changedAt()));
        return new TransitionResult(moved.fiscalYear(), moved.period(), moved.regionCode(), moved.state(),
                moved.version(), moved.changedBy(), moved.changedAt(), moved.comment(), moved.snapshotId(), true);
    }

    /** An analyst observes (PRESENTADO or PENDIENTE_REAPROBACION → OBSERVADO) with a mandatory comment. */
    @Transactional
    public TransitionResult observe(Authentication caller, int fiscalYear, String periodKey, String regionCode,
                                    Integer expectedVersion, String comment) {
        requireAnalyst(caller, "observar");
        String region = region(regionCode);
        plan(fiscalYear);
        ReviewPeriod period = period(fiscalYear, periodKey);
        String note = comment(comment, true);
        PeriodRow row = existing(period, region);
        return move(caller, row, expectedVersion, PeriodState.REVIEWABLE, PeriodState.OBSERVADO, note,
                "PERIOD_OBSERVED", null);
    }

    /** Freezes the region's figures once the approval's own update holds the period row (see {@link LateData}). */
    private java.util.function.LongFunction<Long> snapshotOf(ReviewPeriod period, String region, String approvedBy) {
        return periodId -> {
            RegionFigures figures = RegionFigures.of(figuresAsOfEnd(period), region);
            return repository.insertSnapshot(periodId, approvedBy, clock.instant(), figures.planVersion(),
                    figures.asOf(), json.writeValueAsString(figures));
        };
    }

    private TransitionResult move(Authentication caller, PeriodRow row, Integer expectedVersion,
                                  Set<PeriodState> from, PeriodState to, String comment, String action,
                                  java.util.function.LongFunction<Long> afterUpdate) {
        String where = row.regionCode() + " " + row.period();
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw ReviewException.conflict("El período " + where + " cambió mientras lo revisaba: usted vio la "
                    + "versión " + expectedVersion + " y ahora es la " + row.version() + " (" + row.state()
                    + "). Vuelva a cargarlo.");
        }
        if (!from.contains(row.state())) {
            throw ReviewException.conflict("El período " + where + " está " + row.state() + "; solo se puede pasar a "
                    + to + " desde " + from.stream().map(Enum::name).sorted().collect(Collectors.joining(" o "))
                    + ".");
        }
        Instant at = clock.instant();
        if (!repository.transition(row, row.version(), to, caller.getName(), at, comment)) {
            PeriodState now = repository.find(row.fiscalYear(), row.period(), row.regionCode())
                    .map(PeriodRow::state).orElse(row.state());
            throw ReviewException.conflict("Otro usuario cambió el período " + where + " al mismo tiempo (ahora está "
                    + now + "); su acción no se aplicó. Vuelva a cargarlo.");
        }
        Long snapshot = afterUpdate == null ? null : afterUpdate.apply(row.id());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("state", row.state().name());
        before.put("version", row.version());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", to.name());
        after.put("version", row.version() + 1);
        if (comment != null) {
            after.put("comment", comment);
        }
        if (snapshot != null) {
            after.put("snapshotId", snapshot);
        }
        events.publishEvent(new StaffAction(caller.getName(), action, row.regionCode() + "/" + row.period(), before,
                after));
        return new TransitionResult(row.fiscalYear(), row.period(), row.regionCode(), to, row.version() + 1,
                caller.getName(), at, comment, snapshot, false);
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    /** A region with operations in a period: it carries (plan's regional shares, or national) an operation
     * scheduled in it. */
    static boolean hasOperations(Plan plan, ReviewPeriod period, String region) {
        return plan.operationsCarriedBy(region).stream().anyMatch(op -> scheduledIn(op, period));
    }

    private static boolean scheduledIn(Operation op, ReviewPeriod period) {
        return period.overlaps(op.start(), op.end());
    }

    private boolean nationallyApproved(Plan plan, ReviewPeriod period, Map<String, PeriodRow> rows) {
        List<String> counted = regions.regions().stream().map(RegionCatalogue.Region::code)
                .filter(code -> hasOperations(plan, period, code)).toList();
        return !counted.isEmpty() && counted.stream().allMatch(code -> {
            PeriodRow row = rows.get(period.key() + "|" + code);
            return row != null && row.state() == PeriodState.APROBADO;
        });
    }

    private Consolidation figuresAsOfEnd(ReviewPeriod period) {
        return consolidation.figures(period.fiscalYear(), period.end())
                .orElseThrow(() -> noPlan(period.fiscalYear())).figures();
    }

    private PeriodRow existing(ReviewPeriod period, String region) {
        return repository.find(period.fiscalYear(), period.key(), region).orElseThrow(() -> ReviewException.conflict(
                "El período " + region + " " + period.key() + " está ABIERTO: la regional aún no lo presentó."));
    }

    private Plan plan(int fiscalYear) {
        return plans.current(fiscalYear).orElseThrow(() -> noPlan(fiscalYear)).plan();
    }

    private static ReviewException noPlan(int fiscalYear) {
        return ReviewException.notFound("No hay POA de la gestión " + fiscalYear + ".");
    }

    private ReviewPeriod period(int fiscalYear, String key) {
        return properties.granularity().parse(fiscalYear, key).orElseThrow(() -> ReviewException.badRequest(
                "El período '" + key + "' no es válido para la gestión " + fiscalYear + " (se espera, por ejemplo, "
                        + properties.granularity().example(fiscalYear) + ")."));
    }

    private String region(String code) {
        if (code == null || !regions.isKnown(code)) {
            throw ReviewException.notFound("La regional '" + code + "' no existe.");
        }
        return code;
    }

    private String regionName(String code) {
        return regions.region(code).map(RegionCatalogue.Region::name).orElse(code);
    }

    private static String comment(String comment, boolean mandatory) {
        String text = comment == null ? "" : comment.strip();
        if (mandatory && text.isEmpty()) {
            throw ReviewException.badRequest("La observación necesita un comentario que diga qué debe corregir la "
                    + "regional.");
        }
        if (text.length() > MAX_COMMENT) {
            throw ReviewException.badRequest("El comentario tiene " + text.length() + " caracteres; el máximo es "
                    + MAX_COMMENT + ".");
        }
        return text.isEmpty() ? null : text;
    }

    private static void requireReader(Authentication caller) {
        boolean national = Roles.NATIONAL_READERS.stream().anyMatch(role -> hasRole(caller, role));
        if (!national && !(hasRole(caller, Roles.REGIONAL) && RegionScope.regionOf(caller).isPresent())) {
            throw ReviewException.forbidden("Su cuenta no puede consultar la revisión de períodos.");
        }
    }

    private static void requireAnalyst(Authentication caller, String verb) {
        if (!hasRole(caller, Roles.ANALISTA)) {
            throw new ReviewException(HttpStatus.FORBIDDEN, "Acción no permitida",
                    "Solo un analista puede " + verb + " un período.");
        }
    }

    static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}

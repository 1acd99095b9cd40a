package org.poahub.hub.consolidation;

import java.time.LocalDate;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.Money;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.Progress;
import org.poahub.hub.consolidation.Consolidation.RegionExpenditure;
import org.poahub.hub.security.RegionScope;
import org.springframework.security.core.Authentication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The consolidated figures of a fiscal year (docs/consolidation.md): national summary, objective → action →
 * operation drill-down with the regions, expenditure by object group and funding column, alerts. Every figure is
 * computed as of {@code asOf} (ISO date; default the end of the latest period reported in the year), since planned
 * progress depends on it. The monthly S-curve and the per-region figures are read off the same calculation. A
 * REGIONAL caller gets the figures of its own region's reports only ({@link RegionScope}).
 */
@RestController
@RequestMapping("/api/consolidation/{year}")
class ConsolidationController {

    private final ConsolidationService consolidation;

    ConsolidationController(ConsolidationService consolidation) {
        this.consolidation = consolidation;
    }

    record ReportCounts(long accepted, long acceptedWithWarnings, long rejected) {
    }

    record ObjectiveSummary(String code, String name, Progress progress, Money money) {
    }

    record Summary(int fiscalYear, int planVersion, String entityCode, String entityAcronym, LocalDate asOf,
                   Progress progress, Money money, List<ObjectiveSummary> objectives, ReportCounts reports,
                   int alerts) {
    }

    record ObjectiveDetail(int fiscalYear, int planVersion, LocalDate asOf, ObjectiveFigures objective) {
    }

    record OperationDetail(int fiscalYear, int planVersion, LocalDate asOf, String objectiveCode, String actionCode,
                           OperationFigures operation, List<Alert> alerts) {
    }

    record Expenditure(int fiscalYear, int planVersion, LocalDate asOf, Money total, List<ExpenditureLine> national,
                       List<RegionExpenditure> regions) {
    }

    record Alerts(int fiscalYear, int planVersion, LocalDate asOf, int count, List<Alert> alerts) {
    }

    /** An error for the caller, in Spanish. */
    record ErrorBody(int status, String error, String message) {
    }

    @GetMapping("/summary")
    Summary summary(@PathVariable int year, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        ConsolidationService.YearFigures y = figures(year, asOf, caller);
        Consolidation c = y.figures();
        return new Summary(c.fiscalYear(), c.planVersion(), c.entityCode(), c.entityAcronym(), c.asOf(), c.progress(),
                c.money(), c.objectives().stream().map(o -> new ObjectiveSummary(o.code(), o.name(), o.progress(),
                        o.money())).toList(),
                new ReportCounts(y.reportCounts().getOrDefault("ACCEPTED", 0L),
                        y.reportCounts().getOrDefault("ACCEPTED_WITH_WARNINGS", 0L),
                        y.reportCounts().getOrDefault("REJECTED", 0L)),
                c.alerts().size());
    }

    @GetMapping("/objectives/{code}")
    ObjectiveDetail objective(@PathVariable int year, @PathVariable String code,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        Consolidation c = figures(year, asOf, caller).figures();
        ObjectiveFigures objective = c.objective(code).orElseThrow(() -> new NotFound(
                "el objetivo '" + code + "' no existe en la versión " + c.planVersion() + " del plan " + year));
        return new ObjectiveDetail(year, c.planVersion(), c.asOf(), objective);
    }

    @GetMapping("/operations/{code}")
    OperationDetail operation(@PathVariable int year, @PathVariable String code,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        Consolidation c = figures(year, asOf, caller).figures();
        OperationFigures op = c.operation(code).orElseThrow(() -> new NotFound(
                "la operación '" + code + "' no existe en la versión " + c.planVersion() + " del plan " + year));
        return new OperationDetail(year, c.planVersion(), c.asOf(), code.substring(0, 2), code.substring(0, 5), op,
                c.alerts().stream().filter(a -> a.operationCode().equals(code)).toList());
    }

    @GetMapping("/expenditure")
    Expenditure expenditure(@PathVariable int year,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        Consolidation c = figures(year, asOf, caller).figures();
        return new Expenditure(year, c.planVersion(), c.asOf(), c.money(), c.expenditure(), c.regionalExpenditure());
    }

    @GetMapping("/alerts")
    Alerts alerts(@PathVariable int year,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        Consolidation c = figures(year, asOf, caller).figures();
        return new Alerts(year, c.planVersion(), c.asOf(), c.alerts().size(), c.alerts());
    }

    /** The S-curve: planned and physical progress and financial execution at each month end of the year. */
    @GetMapping("/monthly")
    MonthlyCurve monthly(@PathVariable int year, Authentication caller) {
        return consolidation.monthly(year, RegionScope.regionOf(caller).orElse(null))
                .orElseThrow(() -> new NotFound("no hay plan para la gestión " + year));
    }

    /** Progress and spend per region of the catalogue. */
    @GetMapping("/regions")
    ConsolidationService.RegionFiguresOfYear regions(@PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        return consolidation.regions(year, asOf, RegionScope.regionOf(caller).orElse(null))
                .orElseThrow(() -> new NotFound("no hay plan para la gestión " + year));
    }

    /** The drill-down, expenditure and alerts as a workbook for central staff. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable int year,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication caller) {
        Consolidation c = figures(year, asOf, caller).figures();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("poa-" + year + "-consolidado-" + c.asOf() + ".xlsx").build().toString())
                .body(ConsolidationXlsxWriter.write(c));
    }

    private ConsolidationService.YearFigures figures(int year, LocalDate asOf, Authentication caller) {
        return consolidation.figures(year, asOf, RegionScope.regionOf(caller).orElse(null))
                .orElseThrow(() -> new NotFound("no hay plan para la gestión " + year));
    }

    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ErrorBody> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ErrorBody(404, HttpStatus.NOT_FOUND.getReasonPhrase(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = "year".equals(e.getName()) ? "un año (p. ej. 2020)" : "una fecha AAAA-MM-DD (p. ej. 2020-06-30)";
        return ResponseEntity.badRequest().body(new ErrorBody(400, HttpStatus.BAD_REQUEST.getReasonPhrase(),
                "el parámetro '" + e.getName() + "' debe ser " + expected + "; se recibió '" + e.getValue() + "'"));
    }
}

package org.poahub.hub.finance.reconciliation;

import java.util.List;
import java.util.Locale;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.security.RegionScope;
import org.poahub.hub.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reconciliation of SIGEP with the regions (docs/finance.md, "Reconciliation"): recompute on demand (PLANIFICADOR,
 * ADMIN; audited), the newest run's summary, lines, voucher findings and workbook. Reading is for all staff; a
 * REGIONAL caller sees only its region's lines and findings ({@link RegionScope}).
 */
@RestController
@RequestMapping("/api/finance/reconciliation")
class ReconciliationController {

    private static final List<String> RUN_ROLES = List.of("ROLE_" + Roles.PLANIFICADOR, "ROLE_" + Roles.ADMIN);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReconciliationService reconciliation;

    ReconciliationController(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/{year}")
    ResponseEntity<ReconciliationSummary> run(@PathVariable int year, Authentication user) {
        // The URL rule is AccessRules'; the handler checks too (least privilege where the change is made).
        if (user.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(RUN_ROLES::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "se requiere el rol PLANIFICADOR o ADMIN");
        }
        reconciliation.run(year, "a pedido de " + user.getName(), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(summaryOf(year, null));
    }

    @GetMapping("/{year}")
    ReconciliationSummary summary(@PathVariable int year, Authentication caller) {
        return summaryOf(year, RegionScope.regionOf(caller).orElse(null));
    }

    @GetMapping("/{year}/lines")
    List<Line> lines(@PathVariable int year, @RequestParam(required = false) String region,
            @RequestParam(required = false) String status, @RequestParam(required = false) String operation,
            @RequestParam(required = false) String partida, Authentication caller) {
        return reconciliation.lines(year, RegionScope.narrow(caller, blankToNull(region)),
                oneOf(status, "estado", LineReconciler.Status.values()),
                blankToNull(operation), blankToNull(partida)).orElseThrow(() -> notReconciled(year));
    }

    @GetMapping("/{year}/vouchers")
    List<Finding> vouchers(@PathVariable int year, @RequestParam(required = false) String region,
            @RequestParam(required = false) String finding, Authentication caller) {
        return reconciliation.findings(year, RegionScope.narrow(caller, blankToNull(region)),
                        oneOf(finding, "hallazgo", VoucherReconciler.Finding.values()))
                .orElseThrow(() -> notReconciled(year));
    }

    @GetMapping("/{year}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable int year, Authentication caller) {
        String region = RegionScope.regionOf(caller).orElse(null);
        ReconciliationSummary summary = summaryOf(year, region);
        List<Line> lines = reconciliation.lines(year, region, null, null, null).orElseThrow();
        List<Finding> findings = reconciliation.findings(year, region, null).orElseThrow();
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("conciliacion-" + year + "-" + summary.cutOff()
                                + (region == null ? "" : "-" + region) + ".xlsx").build().toString())
                .body(ReconciliationXlsxWriter.write(summary, lines, findings));
    }

    private ReconciliationSummary summaryOf(int year, String region) {
        return reconciliation.summary(year, region).orElseThrow(() -> notReconciled(year));
    }

    private static ResponseStatusException notReconciled(int year) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "la gestión " + year + " no tiene conciliación"
                + " todavía (se calcula al cargar extractos del SIGEP con un mapeo presupuestario vigente)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter naming one of {@code values} (any case), or null; 400 in Spanish otherwise. */
    private static String oneOf(String value, String what, Enum<?>[] values) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        List<String> names = java.util.Arrays.stream(values).map(Enum::name).toList();
        if (!names.contains(upper)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, what + " desconocido '" + v + "'; use uno de: "
                    + String.join(", ", names));
        }
        return upper;
    }

    @ExceptionHandler(ReconciliationRefusedException.class)
    ProblemDetail refused(ReconciliationRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conciliación no disponible");
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}

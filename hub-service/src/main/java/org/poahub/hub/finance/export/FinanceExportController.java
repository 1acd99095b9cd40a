package org.poahub.hub.finance.export;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of the execution to the financial system (national: read by CONSULTA, ANALISTA, PLANIFICADOR, ADMIN;
 * exported by PLANIFICADOR and ADMIN, per {@code AccessRules}).
 */
@RestController
@RequestMapping("/api/finance/exports")
class FinanceExportController {

    private final FinanceExportService exports;

    FinanceExportController(FinanceExportService exports) {
        this.exports = exports;
    }

    /** 201 with the new export; 200 with the earlier export when the period's state has not changed since. */
    @PostMapping("/{year}/{period}")
    ResponseEntity<ExportRecord> export(@PathVariable int year, @PathVariable String period,
            Authentication caller) {
        FinanceExportService.ExportResult result = exports.export(year, period, FinanceExportService.Trigger.API,
                caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.export());
    }

    /** The period's execution as it stands now (what an export made now would carry). */
    @GetMapping("/{year}/{period}/execution")
    PeriodExecution execution(@PathVariable int year, @PathVariable String period) {
        return exports.execution(year, period);
    }

    @GetMapping
    List<ExportRecord> list(@RequestParam int year) {
        return exports.exports(year);
    }

    @GetMapping("/{id}")
    FinanceExportService.ExportDetail detail(@PathVariable long id) {
        return exports.export(id).orElseThrow(() -> new ExportRefusedException(HttpStatus.NOT_FOUND,
                "No existe la exportación " + id + "."));
    }

    @ExceptionHandler(ExportRefusedException.class)
    ProblemDetail refused(ExportRefusedException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }
}

package org.poahub.hub.finance.efficiency;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarterly physical–financial follow-up (docs/finance.md) as JSON and as a workbook in Spanish. National figures:
 * read by CONSULTA, ANALISTA, PLANIFICADOR and ADMIN ({@code AccessRules}, {@code /api/finance/**}).
 */
@RestController
@RequestMapping("/api/finance/efficiency")
class EfficiencyController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EfficiencyService efficiency;

    EfficiencyController(EfficiencyService efficiency) {
        this.efficiency = efficiency;
    }

    @GetMapping("/{year}/q{quarter}")
    QuarterlyEfficiency quarter(@PathVariable int year, @PathVariable int quarter) {
        return of(year, quarter);
    }

    @GetMapping("/{year}/q{quarter}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable int year, @PathVariable int quarter) {
        QuarterlyEfficiency q = of(year, quarter);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("seguimiento-fisico-financiero-" + year + "-t" + quarter + ".xlsx").build()
                        .toString())
                .body(EfficiencyXlsxWriter.write(q));
    }

    private QuarterlyEfficiency of(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "el trimestre debe ser q1, q2, q3 o q4; se"
                    + " recibió 'q" + quarter + "'");
        }
        return efficiency.quarter(year, quarter).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no hay plan para la gestión " + year));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = "year".equals(e.getName()) ? "un año (p. ej. 2020)" : "un trimestre q1 … q4";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "el parámetro '" + e.getName() + "' debe ser "
                + expected + "; se recibió '" + e.getValue() + "'");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}

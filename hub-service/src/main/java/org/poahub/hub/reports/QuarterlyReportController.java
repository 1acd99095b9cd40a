package org.poahub.hub.reports;

import java.util.Map;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.security.RegionScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * "Informe de seguimiento y evaluación al POA" of a quarter, as PDF ({@code formato=pdf}, the default) or XLSX
 * ({@code formato=xlsx}). The report is national: a regional account is refused. Each download is a staff action on
 * the audit trail.
 */
@RestController
@RequestMapping("/api/reports/{year}")
class QuarterlyReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final QuarterlyReportService reports;
    private final ApplicationEventPublisher events;

    QuarterlyReportController(QuarterlyReportService reports, ApplicationEventPublisher events) {
        this.reports = reports;
        this.events = events;
    }

    @GetMapping("/seguimiento")
    ResponseEntity<byte[]> seguimiento(@PathVariable int year, @RequestParam int trimestre,
                                       @RequestParam(defaultValue = "pdf") String formato, Authentication caller) {
        if (RegionScope.regionOf(caller).isPresent()) {
            throw new Refused(HttpStatus.FORBIDDEN, "el informe de seguimiento es nacional; su cuenta es de la regional "
                    + RegionScope.regionOf(caller).get());
        }
        if (trimestre < 1 || trimestre > 4) {
            throw new Refused(HttpStatus.BAD_REQUEST, "el parámetro 'trimestre' debe ser 1, 2, 3 o 4; se recibió "
                    + trimestre);
        }
        boolean pdf = switch (formato) {
            case "pdf" -> true;
            case "xlsx" -> false;
            default -> throw new Refused(HttpStatus.BAD_REQUEST,
                    "el parámetro 'formato' debe ser 'pdf' o 'xlsx'; se recibió '" + formato + "'");
        };
        QuarterlyReport report = reports.report(year, trimestre)
                .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no hay plan para la gestión " + year));
        events.publishEvent(new StaffAction(caller == null ? "anonymous" : caller.getName(), "REPORT_EXPORTED",
                "seguimiento/" + year + "/T" + trimestre, Map.of(), Map.of("formato", formato, "asOf",
                report.asOf().toString())));
        String name = "seguimiento-poa-" + year + "-T" + trimestre + (pdf ? ".pdf" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf ? QuarterlyReportPdfWriter.write(report) : QuarterlyReportXlsxWriter.write(report));
    }

    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "falta el parámetro '" + e.getParameterName() + "' (p. ej. ?trimestre=2)");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "el parámetro '" + e.getName() + "' debe ser un número; se recibió '" + e.getValue() + "'");
    }
}

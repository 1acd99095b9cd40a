package org.poahub.hub.rejected;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.poahub.hub.security.RegionScope;
import org.poahub.plan.RegionCatalogue;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports the hub did not accept, with the reason and the original bytes, for staff to follow up. A REGIONAL caller
 * sees only its region's ({@link RegionScope}).
 */
@RestController
@RequestMapping("/api/rejected-reports")
@Tag(name = "Rejected reports", description = "Reports the hub rejected: reason, Kafka position and original bytes")
class RejectedReportController {

    private final RejectedReportRepository repository;
    private final RegionCatalogue regions;

    RejectedReportController(RejectedReportRepository repository, RegionCatalogue regions) {
        this.repository = repository;
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "List rejected reports, newest first",
            description = "Dates are UTC days (from the start of 'from' to the end of 'to') or ISO-8601 date-times"
                    + " with offset. 400 with a Spanish problem detail for an unknown region or a bad date.")
    RejectedReportViews.Page list(
            @Parameter(description = "Region code, e.g. BO-L") @RequestParam(required = false) String region,
            @Parameter(description = "Rejection code, e.g. OPERATION_UNKNOWN or PAYLOAD_UNDECODABLE")
            @RequestParam(required = false) String code,
            @Parameter(description = "From (inclusive): 2020-03-01 or 2020-03-01T08:00:00-04:00")
            @RequestParam(required = false) String from,
            @Parameter(description = "To (inclusive day, or exclusive date-time)") @RequestParam(required = false) String to,
            @Parameter(description = "Page number, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 500 (default 50)") @RequestParam(required = false) Integer size,
            Authentication caller) {
        return repository.find(RejectedReportQuery.parse(RegionScope.narrow(caller, region), code, from, to, page, size,
                regions));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rejected report with its reason and original payload (base64)")
    RejectedReportViews.Detail one(@PathVariable long id, Authentication caller) {
        RejectedReportViews.Detail detail = repository.findById(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe el reporte rechazado " + id + "."));
        RegionScope.require(caller, detail.regionCode());
        return detail;
    }

    @ExceptionHandler(BadQueryException.class)
    ProblemDetail badQuery(BadQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Filtro inválido");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}

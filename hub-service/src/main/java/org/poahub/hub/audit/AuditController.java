package org.poahub.hub.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The audit trail for ADMIN and ANALISTA: filtered listing, Excel download, chain verification. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Append-only, hash-chained record of staff actions")
class AuditController {

    static final int MAX_PAGE = 500;
    static final int MAX_EXPORT = 100_000;

    record Entry(long id, Instant occurredAt, String actor, String action, String target, JsonNode before,
                 JsonNode after, String hash) {
    }

    record Page(List<Entry> items, int page, int size, long totalItems) {
    }

    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();

    AuditController(AuditTrail trail, ApplicationEventPublisher events) {
        this.trail = trail;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Audit rows, newest first, filtered by user, action, object and date range")
    Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
              @RequestParam(required = false) String target, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new AuditQuery.BadAuditQuery("page", "La página debe ser 0 o mayor; se recibió " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new AuditQuery.BadAuditQuery("size", "El tamaño de página debe estar entre 1 y " + MAX_PAGE
                    + "; se recibió " + size + ".");
        }
        AuditQuery query = AuditQuery.parse(actor, action, target, from, to);
        List<Entry> items = trail.find(query, size, (long) page * size).stream()
                .map(r -> new Entry(r.id(), r.occurredAt(), r.actor(), r.action(), r.target(),
                        json.readTree(r.before()), json.readTree(r.after()), r.hash()))
                .toList();
        return new Page(items, page, size, trail.count(query));
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The filtered rows as an Excel workbook (at most 100,000; the download is audited)")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, Authentication caller) {
        AuditQuery query = AuditQuery.parse(actor, action, target, from, to);
        List<AuditChain.Row> rows = trail.find(query, MAX_EXPORT, 0);
        events.publishEvent(new StaffAction(caller.getName(), "AUDIT_EXPORTED", "auditoria", Map.of(),
                Map.of("rows", rows.size())));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("auditoria.xlsx").build().toString())
                .body(AuditXlsxWriter.write(rows));
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain; names the first broken row")
    AuditTrail.Verification verify() {
        return trail.verify();
    }

    @ExceptionHandler(AuditQuery.BadAuditQuery.class)
    ProblemDetail badQuery(AuditQuery.BadAuditQuery e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Filtro inválido");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}

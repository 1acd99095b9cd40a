package org.poahub.hub.plan;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The plan API: upload a plan file (role PLANIFICADOR, by the URL rule in SecurityConfiguration), read the plan
 * tree, an operation, totals, versions, diffs.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;
    private final ObjectOfExpenditureClassifier classifier;

    PlanController(PlanService plans, ObjectOfExpenditureClassifier classifier) {
        this.plans = plans;
        this.classifier = classifier;
    }

    record UploadErrors(String message, List<ErrorView> errors) {
    }

    /** One error; {@code text} is the full Spanish sentence to show, e.g. "Fila 12, columna 'Código': …". */
    record ErrorView(int row, String column, String message, String text) {
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<PlanImportResult> upload(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "reason", required = false) String reason, Authentication user) throws IOException {
        PlanImportResult result = plans.importPlan(file.getBytes(), file.getOriginalFilename(), user.getName(), reason);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @ExceptionHandler(PlanImportException.class)
    ResponseEntity<UploadErrors> rejected(PlanImportException e) {
        return ResponseEntity.badRequest().body(new UploadErrors("El archivo del plan tiene " + e.errors().size()
                + " error(es); no se guardó nada.", e.errors().stream()
                .map(err -> new ErrorView(err.row(), err.column(), err.message(), err.text())).toList()));
    }

    @GetMapping
    Map<String, List<Integer>> years() {
        return Map.of("fiscalYears", plans.fiscalYears());
    }

    @GetMapping("/{year}/versions")
    List<PlanVersion> versions(@PathVariable int year) {
        return plans.versions(year);
    }

    @GetMapping("/{year}")
    PlanViews.PlanTree tree(@PathVariable int year, @RequestParam(required = false) Integer version) {
        PlanVersion v = version(year, version);
        return PlanViews.tree(v, plans.plan(v), classifier);
    }

    @GetMapping("/{year}/operations/{code}")
    PlanViews.OperationDetail operation(@PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) Integer version) {
        PlanVersion v = version(year, version);
        Plan plan = plans.plan(v);
        var op = plan.operation(code);
        OperationStatus status = plans.operationStatus(year, code);
        if (op.isEmpty() && version == null && status.state() == OperationStatus.State.DROPPED) {
            // A dropped operation is still shown (its reports stay valid), from the last version that had it.
            v = version(year, status.lastVersion());
            plan = plans.plan(v);
            op = plan.operation(code);
        }
        if (op.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "la operación '" + code + "' no existe en la versión " + v.version() + " del plan " + year);
        }
        return new PlanViews.OperationDetail(v, status, plan.fundingColumns(),
                PlanViews.operation(op.get(), plan, classifier));
    }

    @GetMapping("/{year}/totals")
    PlanViews.Totals totals(@PathVariable int year, @RequestParam(required = false) Integer version) {
        PlanVersion v = version(year, version);
        return PlanViews.totals(v, plans.plan(v), classifier);
    }

    @GetMapping("/{year}/diff")
    PlanViews.VersionDiff diff(@PathVariable int year, @RequestParam int from, @RequestParam int to) {
        return plans.diff(year, from, to).map(d -> new PlanViews.VersionDiff(year, from, to, d))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no existen las versiones " + from + " y " + to + " del plan " + year));
    }

    private PlanVersion version(int year, Integer version) {
        return plans.version(year, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                version == null ? "no hay plan para la gestión " + year
                        : "no existe la versión " + version + " del plan " + year));
    }
}

package org.poahub.hub.finance.mapping;

import java.io.IOException;
import java.util.List;
import org.poahub.hub.security.Roles;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The budget mapping: load a file (PLANIFICADOR, ADMIN), read the versions and the mapping in force. */
@RestController
@RequestMapping("/api/finance/mapping")
class BudgetMappingController {

    private static final List<String> LOAD_ROLES = List.of("ROLE_" + Roles.PLANIFICADOR, "ROLE_" + Roles.ADMIN);

    private final BudgetMappingService mappings;
    private final BudgetMappingRepository repository;

    BudgetMappingController(BudgetMappingService mappings, BudgetMappingRepository repository) {
        this.mappings = mappings;
        this.repository = repository;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<BudgetMappingService.LoadResult> load(@RequestParam("file") MultipartFile file,
            Authentication user) throws IOException {
        // The URL rule is SecurityConfiguration's; the handler checks too (least privilege where the change is made).
        if (user.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(LOAD_ROLES::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "se requiere el rol PLANIFICADOR o ADMIN");
        }
        var result = mappings.load(file.getBytes(), file.getOriginalFilename(), user.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping("/{year}/versions")
    List<BudgetMappingRepository.MappingVersion> versions(@PathVariable int year) {
        return repository.versions(year);
    }

    @GetMapping("/{year}")
    BudgetMapping current(@PathVariable int year) {
        return mappings.current(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no hay mapeo presupuestario para la gestión " + year));
    }

    @ExceptionHandler(BudgetMappingException.class)
    ProblemDetail refused(BudgetMappingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "El archivo de mapeo tiene "
                + e.errors().size() + " error(es); no se guardó nada.");
        problem.setTitle("Mapeo presupuestario rechazado");
        problem.setProperty("errors", e.errors().stream().map(err -> new ErrorView(err.row(), err.column(),
                err.value(), err.message(), err.text())).toList());
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    /** One error; {@code text} is the Spanish sentence to show, e.g. "Fila 9, columna 'Código': …". */
    record ErrorView(int row, String column, String value, String message, String text) {
    }
}

package org.poahub.hub.finance.extract;

import java.math.BigDecimal;
import java.util.List;
import org.poahub.routes.finance.StoredExtract;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Extract loads (read: national roles): the loads of a gestión, superseded ones included, and the diff of two. */
@RestController
@RequestMapping("/api/finance/extracts")
class FinanceExtractController {

    private final JdbcExtractStore store;
    private final JdbcClient sql;

    FinanceExtractController(JdbcExtractStore store, JdbcClient sql) {
        this.store = store;
        this.sql = sql;
    }

    @GetMapping
    List<StoredExtract> loads(@RequestParam int year) {
        return store.loads(year);
    }

    /** One changed line between two execution extracts: amounts before ({@code from}) and after ({@code to}). */
    record LineChange(String da, String ue, String programa, String proyecto, String actividad, String fuente,
            String organismo, String partida, String lineKind, BigDecimal devengadoBefore, BigDecimal devengadoAfter,
            BigDecimal vigenteBefore, BigDecimal vigenteAfter) {
    }

    /** What changed from extract {@code from} to extract {@code id} (e.g. a superseded load and its successor). */
    @GetMapping("/{id}/diff")
    List<LineChange> diff(@PathVariable long id, @RequestParam long from) {
        StoredExtract to = store.find(id).orElseThrow(() -> notFound(id));
        StoredExtract before = store.find(from).orElseThrow(() -> notFound(from));
        if (to.kind() != before.kind()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "los extractos " + from + " y " + id
                    + " no son del mismo tipo");
        }
        String keys = "da, ue, programa, proyecto, actividad, fuente, organismo, partida, line_kind";
        return sql.sql("with a as (select " + keys + ", sum(devengado) d, sum(vigente) v from finance_execution_line"
                        + " where extract_id = ? group by " + keys + "), b as (select " + keys + ", sum(devengado) d,"
                        + " sum(vigente) v from finance_execution_line where extract_id = ? group by " + keys + ")"
                        + " select " + keys + ", a.d, b.d, a.v, b.v from a full join b using (" + keys + ")"
                        + " where a.d is distinct from b.d or a.v is distinct from b.v order by " + keys)
                .params(from, id).query(LineChange.class).list();
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no existe el extracto " + id);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}

package org.poahub.hub.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan file was rejected; carries every problem found, not just the first. Nothing was stored. */
public class PlanImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;

    public PlanImportException(List<ImportError> errors) {
        super(errors.size() + " error(es) en el archivo del plan:\n"
                + errors.stream().map(ImportError::text).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}

package org.poahub.hub.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan file was rejected; carries every problem found, not just the first, in Spanish, and apart the technical
 * detail (for the log) when the file could not even be read. Nothing was stored.
 */
public class PlanImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;
    private final String technicalDetail;

    public PlanImportException(List<ImportError> errors) {
        this(errors, null);
    }

    public PlanImportException(List<ImportError> errors, String technicalDetail) {
        super(errors.size() + " error(es) en el archivo del plan:\n"
                + errors.stream().map(ImportError::text).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
        this.technicalDetail = technicalDetail;
    }

    public List<ImportError> errors() {
        return errors;
    }

    /** What went wrong underneath (e.g. the parser's own words), or null. */
    public String technicalDetail() {
        return technicalDetail;
    }
}

package org.poahub.routes.finance;

import java.util.List;
import java.util.stream.Collectors;
import org.poahub.tables.TableError;

/** An extract file cannot be loaded: every problem found (row, column, value, why; Spanish). Nothing is loaded. */
public class ExtractRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<TableError> errors;

    public ExtractRejectedException(List<TableError> errors) {
        super(errors.stream().map(TableError::text).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<TableError> errors() {
        return errors;
    }
}

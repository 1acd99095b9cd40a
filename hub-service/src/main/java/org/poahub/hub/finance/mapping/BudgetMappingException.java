package org.poahub.hub.finance.mapping;

import java.util.List;
import java.util.stream.Collectors;
import org.poahub.tables.TableError;

/** A mapping file was refused; every problem found (Spanish, row and column). Nothing was stored. */
public class BudgetMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<TableError> errors;

    public BudgetMappingException(List<TableError> errors) {
        super(errors.stream().map(TableError::text).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<TableError> errors() {
        return errors;
    }
}

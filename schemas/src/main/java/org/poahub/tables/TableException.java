package org.poahub.tables;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file could not be read as a table: every problem found, in Spanish, and separately the technical detail (an
 * exception's text, a byte offset) for logs and the technical-detail field of an error report; never mixed into
 * the Spanish sentence.
 */
public class TableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<TableError> errors;
    private final String technicalDetail;

    public TableException(List<TableError> errors, String technicalDetail, Throwable cause) {
        super(errors.stream().map(TableError::text).collect(Collectors.joining("\n")), cause);
        this.errors = List.copyOf(errors);
        this.technicalDetail = technicalDetail;
    }

    public TableException(TableError error) {
        this(List.of(error), null, null);
    }

    public List<TableError> errors() {
        return errors;
    }

    /** Technical detail (English, for staff), or null. */
    public String technicalDetail() {
        return technicalDetail;
    }
}

package org.poahub.hub.finance.export;

import org.springframework.http.HttpStatus;

/** An export that cannot be made, with the HTTP status and the reason in Spanish. */
public class ExportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    ExportRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}

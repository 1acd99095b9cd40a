package org.poahub.hub.review;

import org.springframework.http.HttpStatus;

/** A review request that cannot be done: the status, a Spanish title and a Spanish detail for the caller. */
class ReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String title;

    ReviewException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static ReviewException badRequest(String detail) {
        return new ReviewException(HttpStatus.BAD_REQUEST, "Solicitud inválida", detail);
    }

    static ReviewException notFound(String detail) {
        return new ReviewException(HttpStatus.NOT_FOUND, "No encontrado", detail);
    }

    static ReviewException forbidden(String detail) {
        return new ReviewException(HttpStatus.FORBIDDEN, "Acción no permitida", detail);
    }

    static ReviewException conflict(String detail) {
        return new ReviewException(HttpStatus.CONFLICT, "Conflicto de estado", detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}

package org.poahub.hub.rejected;

/** A filter or paging parameter the API cannot use; the message (Spanish) says which one and why. */
class BadQueryException extends RuntimeException {

    private final String parameter;

    BadQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}

package org.poahub.hub.security.accounts;

/** An account change that cannot be made: the Spanish message says what, where and why (400 or 404 in the API). */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    AccountException(String message) {
        this(message, false);
    }

    private AccountException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    static AccountException notFound(String name) {
        return new AccountException("No existe el usuario '" + name + "'.", true);
    }

    public boolean notFound() {
        return notFound;
    }
}

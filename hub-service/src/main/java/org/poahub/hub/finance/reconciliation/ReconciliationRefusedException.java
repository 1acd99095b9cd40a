package org.poahub.hub.finance.reconciliation;

/** A reconciliation cannot run yet (no mapping, no extract): the reason in Spanish, for a 409 ProblemDetail. */
public class ReconciliationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReconciliationRefusedException(String reason) {
        super(reason);
    }
}

package org.poahub.agent.store;

import org.poahub.contract.OutcomeStatus;

/** Where a report is on its way to the hub, with the Spanish label the office sees. */
public enum ReportState {
    PENDIENTE("pendiente"),
    ENVIADO("enviado"),
    ACEPTADO("aceptado"),
    ACEPTADO_CON_OBSERVACIONES("aceptado con observaciones"),
    RECHAZADO("rechazado");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReportState of(OutcomeStatus status) {
        return switch (status) {
            case ACCEPTED -> ACEPTADO;
            case ACCEPTED_WITH_WARNINGS -> ACEPTADO_CON_OBSERVACIONES;
            case REJECTED -> RECHAZADO;
        };
    }
}

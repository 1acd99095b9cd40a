package org.poahub.routes.finance;

/** The two kinds of financial-system (SIGEP) extract the hub reads. */
public enum ExtractKind {
    /** "Ejecución presupuestaria de gastos por categoría programática". */
    EJECUCION,
    /** Listing of C-31 vouchers (comprobantes), reversals included. */
    COMPROBANTES
}

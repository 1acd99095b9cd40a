package org.poahub.plan;

/** What the number of a target (<i>meta</i>) counts. */
public enum TargetKind {
    /** A percentage, e.g. "100% de Nº SOLICITUDES APROBADAS/…". */
    PERCENTAGE,
    /** A count of things, e.g. "12 Reportes Mensuales…", "4 NRO. DE INFORMES TRIMESTRALES". */
    COUNT,
    /** No number given, e.g. only "PORCENTAJE DE AVANCE": progress is reported as a percentage of completion. */
    NONE
}

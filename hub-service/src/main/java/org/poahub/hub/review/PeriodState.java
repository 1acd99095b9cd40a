package org.poahub.hub.review;

import java.util.Set;

/** Where a region's period is in its review; the names are the Spanish ones staff use. */
public enum PeriodState {
    /** Open: the region is still reporting (a period without a row is open). */
    ABIERTO,
    /** The region closed it and sent it for review. */
    PRESENTADO,
    /** An analyst approved it: its figures are frozen in a snapshot. */
    APROBADO,
    /** An analyst observed it with a comment: back with the region, which can present it again. */
    OBSERVADO,
    /** Approved, then late data arrived: waiting for a new approval (or an observation). */
    PENDIENTE_REAPROBACION;

    /** The states each transition starts from. */
    static final Set<PeriodState> PRESENTABLE = Set.of(ABIERTO, OBSERVADO);
    static final Set<PeriodState> REVIEWABLE = Set.of(PRESENTADO, PENDIENTE_REAPROBACION);
}

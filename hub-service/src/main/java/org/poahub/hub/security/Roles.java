package org.poahub.hub.security;

import java.util.List;

/**
 * The staff and machine roles of the hub (issue "Central review"). Spring authorities are {@code ROLE_<name>};
 * a {@link #REGIONAL} user also carries {@code REGION_<code>} (see {@link RegionScope}).
 */
public final class Roles {

    /** Reads the national consolidation (consulta). */
    public static final String CONSULTA = "CONSULTA";
    /** Reviews, observes and approves periods (analista). */
    public static final String ANALISTA = "ANALISTA";
    /** Imports plans, exports to the financial system, plus read (planificador). */
    public static final String PLANIFICADOR = "PLANIFICADOR";
    /** Users, settings, registry writes, agent provisioning (IT unit). */
    public static final String ADMIN = "ADMIN";
    /** One region's staff: only that region's figures, rejected reports, agents and periods. */
    public static final String REGIONAL = "REGIONAL";
    /** A regional agent: schema registry reads only. */
    public static final String AGENTE = "AGENTE";

    /** Roles that see every region. */
    public static final List<String> NATIONAL_READERS = List.of(CONSULTA, ANALISTA, PLANIFICADOR, ADMIN);

    private Roles() {
    }
}

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
    /**
     * A machine account that registers schemas (the hub's own registrar at start, a CI pipeline): schema registry
     * reads and writes only, no staff endpoint. It replaces the former {@code REGISTRY_WRITER}; the hub does not use
     * an {@link #ADMIN} account for this, so a leaked registrar password cannot manage users or read figures.
     */
    public static final String ESQUEMAS = "ESQUEMAS";

    /** Roles that see every region. */
    public static final List<String> NATIONAL_READERS = List.of(CONSULTA, ANALISTA, PLANIFICADOR, ADMIN);

    /** Every role an account may have. */
    public static final List<String> ALL = List.of(CONSULTA, ANALISTA, PLANIFICADOR, ADMIN, REGIONAL, AGENTE, ESQUEMAS);

    private Roles() {
    }
}

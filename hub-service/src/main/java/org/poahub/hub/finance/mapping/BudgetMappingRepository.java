package org.poahub.hub.finance.mapping;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mapping versions in {@code budget_mapping_*} (V18): inserted, never updated; the newest is in force. */
@Repository
public class BudgetMappingRepository {

    private final JdbcClient sql;

    BudgetMappingRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** One stored version, without its entries. */
    public record MappingVersion(long id, int fiscalYear, int version, String sourceFile, String checksumSha256,
            String note, String createdBy, Instant createdAt) {
    }

    public Optional<MappingVersion> current(int fiscalYear) {
        return sql.sql("select id, fiscal_year, version, source_file, checksum_sha256, note, created_by, created_at"
                        + " from budget_mapping_version where fiscal_year = ? order by version desc limit 1")
                .param(fiscalYear).query(MappingVersion.class).optional();
    }

    public List<MappingVersion> versions(int fiscalYear) {
        return sql.sql("select id, fiscal_year, version, source_file, checksum_sha256, note, created_by, created_at"
                        + " from budget_mapping_version where fiscal_year = ? order by version")
                .param(fiscalYear).query(MappingVersion.class).list();
    }

    /** The entries of a stored version. */
    public BudgetMapping mapping(MappingVersion version, String entityCode) {
        Map<String, ProgramCategory> operations = new HashMap<>();
        sql.sql("select operation_code, programa, proyecto, actividad from budget_mapping_operation"
                + " where mapping_id = ?").param(version.id()).query((rs, n) -> operations.put(rs.getString(1),
                new ProgramCategory(rs.getString(2), rs.getString(3), rs.getString(4)))).list();
        Map<String, FundingSource> funding = new HashMap<>();
        sql.sql("select funding_column, fuente, organismo from budget_mapping_funding where mapping_id = ?")
                .param(version.id()).query((rs, n) -> funding.put(rs.getString(1),
                        new FundingSource(rs.getString(2), rs.getString(3)))).list();
        Map<String, AdministrativeUnit> regions = new HashMap<>();
        sql.sql("select region_code, da, ue from budget_mapping_region where mapping_id = ?")
                .param(version.id()).query((rs, n) -> regions.put(rs.getString(1),
                        new AdministrativeUnit(rs.getString(2), rs.getString(3)))).list();
        return new BudgetMapping(version.fiscalYear(), entityCode, version.note().isEmpty() ? List.of()
                : List.of(version.note().split("\n")), operations, funding, regions);
    }

    /** Stores {@code mapping} as the next version of its gestión (the caller holds the transaction). */
    public MappingVersion insert(BudgetMapping mapping, String sourceFile, String checksum, String user) {
        // One loader per gestión at a time: the lock makes "next version" safe between two hubs.
        sql.sql("select pg_advisory_xact_lock(hashtext('budget_mapping'), ?)").param(mapping.fiscalYear())
                .query((rs, n) -> 1).list();
        int next = sql.sql("select coalesce(max(version), 0) + 1 from budget_mapping_version where fiscal_year = ?")
                .param(mapping.fiscalYear()).query(Integer.class).single();
        long id = sql.sql("insert into budget_mapping_version (fiscal_year, version, source_file, checksum_sha256,"
                        + " note, created_by) values (?, ?, ?, ?, ?, ?) returning id")
                .params(mapping.fiscalYear(), next, sourceFile, checksum, String.join("\n", mapping.notes()), user)
                .query(Long.class).single();
        mapping.operations().forEach((code, c) -> sql.sql("insert into budget_mapping_operation (mapping_id,"
                + " operation_code, programa, proyecto, actividad) values (?, ?, ?, ?, ?)")
                .params(id, code, c.programa(), c.proyecto(), c.actividad()).update());
        mapping.funding().forEach((column, f) -> sql.sql("insert into budget_mapping_funding (mapping_id,"
                + " funding_column, fuente, organismo) values (?, ?, ?, ?)")
                .params(id, column, f.fuente(), f.organismo()).update());
        mapping.regions().forEach((region, u) -> sql.sql("insert into budget_mapping_region (mapping_id,"
                + " region_code, da, ue) values (?, ?, ?, ?)").params(id, region, u.da(), u.ue()).update());
        return current(mapping.fiscalYear()).orElseThrow();
    }
}

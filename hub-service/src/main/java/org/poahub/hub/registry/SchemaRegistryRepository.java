package org.poahub.hub.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables (see {@code V1__schema_registry.sql}); plain JDBC. */
@Repository
@ConditionalOnEmbeddedRegistry
class SchemaRegistryRepository {

    /** Key of the global row in {@code registry_config}; no subject can be empty. */
    static final String GLOBAL = "";

    record StoredSchema(int id, String schemaType, String canonical) {
    }

    record SubjectVersion(String subject, int version, int schemaId, String canonical) {
    }

    private final JdbcClient jdbc;

    SchemaRegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the schema unless another transaction already has; either way returns its id. */
    int idFor(CanonicalSchema schema) {
        jdbc.sql("insert into registry_schema (canonical, fingerprint) values (?, ?) on conflict (fingerprint) do nothing")
                .params(schema.text(), schema.fingerprint())
                .update();
        return jdbc.sql("select id from registry_schema where fingerprint = ?")
                .param(schema.fingerprint())
                .query(Integer.class)
                .single();
    }

    Optional<Integer> findId(CanonicalSchema schema) {
        return jdbc.sql("select id from registry_schema where fingerprint = ?")
                .param(schema.fingerprint())
                .query(Integer.class)
                .optional();
    }

    Optional<StoredSchema> findSchema(int id) {
        return jdbc.sql("select id, schema_type, canonical from registry_schema where id = ?")
                .param(id)
                .query((rs, row) -> new StoredSchema(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Serializes registrations to one subject across transactions and hub instances until commit. */
    void lockSubject(String subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 4711))").param(subject).query().singleRow();
    }

    List<String> subjects(boolean includeDeleted) {
        return jdbc.sql("select distinct subject from registry_subject_version where (not deleted or ?) order by subject")
                .param(includeDeleted)
                .query(String.class)
                .list();
    }

    boolean subjectExists(String subject, boolean includeDeleted) {
        return jdbc.sql("select exists (select 1 from registry_subject_version where subject = ? and (not deleted or ?))")
                .params(subject, includeDeleted)
                .query(Boolean.class)
                .single();
    }

    /** The subject's versions, oldest first. */
    List<SubjectVersion> versions(String subject, boolean includeDeleted) {
        return jdbc.sql("""
                        select v.subject, v.version, v.schema_id, s.canonical
                        from registry_subject_version v join registry_schema s on s.id = v.schema_id
                        where v.subject = ? and (not v.deleted or ?)
                        order by v.version""")
                .params(subject, includeDeleted)
                .query((rs, row) -> new SubjectVersion(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    int nextVersion(String subject) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from registry_subject_version where subject = ?")
                .param(subject)
                .query(Integer.class)
                .single();
    }

    void insertVersion(String subject, int version, int schemaId) {
        jdbc.sql("insert into registry_subject_version (subject, version, schema_id) values (?, ?, ?)")
                .params(subject, version, schemaId)
                .update();
    }

    /** (subject, version) pairs that use the schema. */
    List<SubjectVersion> usages(int schemaId) {
        return jdbc.sql("""
                        select v.subject, v.version, v.schema_id, s.canonical
                        from registry_subject_version v join registry_schema s on s.id = v.schema_id
                        where v.schema_id = ? and not v.deleted
                        order by v.subject, v.version""")
                .param(schemaId)
                .query((rs, row) -> new SubjectVersion(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    int softDelete(String subject, int version) {
        return jdbc.sql("update registry_subject_version set deleted = true where subject = ? and version = ? and not deleted")
                .params(subject, version)
                .update();
    }

    Optional<CompatibilityLevel> compatibility(String subject) {
        return jdbc.sql("select compatibility from registry_config where subject = ?")
                .param(subject)
                .query(String.class)
                .optional()
                .map(CompatibilityLevel::valueOf);
    }

    void saveCompatibility(String subject, CompatibilityLevel level) {
        jdbc.sql("""
                        insert into registry_config (subject, compatibility) values (?, ?)
                        on conflict (subject) do update set compatibility = excluded.compatibility""")
                .params(subject, level.name())
                .update();
    }

    boolean deleteCompatibility(String subject) {
        return jdbc.sql("delete from registry_config where subject = ?").param(subject).update() > 0;
    }
}

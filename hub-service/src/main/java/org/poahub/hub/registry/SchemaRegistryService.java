package org.poahub.hub.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.poahub.hub.registry.SchemaRegistryRepository.StoredSchema;
import org.poahub.hub.registry.SchemaRegistryRepository.SubjectVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the registry API does, in Confluent's terms; errors are {@link RegistryException}s. */
@Service
@ConditionalOnEmbeddedRegistry
class SchemaRegistryService {

    private final SchemaRegistryRepository repository;
    private final RegistryProperties properties;
    private final CompatibilityChecker checker = new CompatibilityChecker();

    SchemaRegistryService(SchemaRegistryRepository repository, RegistryProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** Registers the schema under the subject, or returns its id if it is already a live version there. */
    @Transactional
    public int register(String subject, CanonicalSchema schema) {
        repository.lockSubject(subject);
        List<SubjectVersion> versions = repository.versions(subject, false);
        Optional<Integer> existing = repository.findId(schema);
        if (existing.isPresent() && versions.stream().anyMatch(v -> v.schemaId() == existing.get())) {
            return existing.get();
        }
        List<String> problems = checker.incompatibilities(
                compatibility(subject), schema.schema(), parse(versions));
        if (!problems.isEmpty()) {
            throw RegistryException.incompatible(subject, problems);
        }
        int id = repository.idFor(schema);
        repository.insertVersion(subject, repository.nextVersion(subject), id);
        return id;
    }

    @Transactional(readOnly = true)
    public SubjectVersion lookup(String subject, CanonicalSchema schema, boolean includeDeleted) {
        List<SubjectVersion> versions = repository.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return repository.findId(schema)
                .flatMap(id -> versions.stream().filter(v -> v.schemaId() == id).reduce((a, b) -> b))
                .orElseThrow(() -> RegistryException.schemaNotFound("the schema is not registered under subject '"
                        + subject + "'"));
    }

    @Transactional(readOnly = true)
    public StoredSchema schema(int id) {
        return repository.findSchema(id).orElseThrow(() -> RegistryException.schemaNotFound("id " + id));
    }

    @Transactional(readOnly = true)
    public List<SubjectVersion> usages(int id) {
        schema(id);
        return repository.usages(id);
    }

    @Transactional(readOnly = true)
    public List<String> subjects(boolean includeDeleted) {
        return repository.subjects(includeDeleted);
    }

    @Transactional(readOnly = true)
    public List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        List<SubjectVersion> versions = repository.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SubjectVersion::version).toList();
    }

    /** @param version a number, {@code latest} or {@code -1} */
    @Transactional(readOnly = true)
    public SubjectVersion version(String subject, String version, boolean includeDeleted) {
        Integer number = parseVersion(version);
        List<SubjectVersion> versions = repository.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (number == null) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, version));
    }

    /**
     * Whether the schema could be registered: against every live version under the subject's level when
     * {@code version} is null, against one version otherwise ({@code latest} applies the level as registration does).
     */
    @Transactional(readOnly = true)
    public List<String> incompatibilities(String subject, String version, CanonicalSchema schema) {
        CompatibilityLevel level = compatibility(subject);
        List<SubjectVersion> versions = repository.versions(subject, false);
        if (version == null || parseVersion(version) == null) {
            if (version != null && versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return checker.incompatibilities(level, schema.schema(), parse(versions));
        }
        SubjectVersion against = version(subject, version, false);
        CompatibilityLevel single = switch (level) {
            case BACKWARD_TRANSITIVE -> CompatibilityLevel.BACKWARD;
            case FORWARD_TRANSITIVE -> CompatibilityLevel.FORWARD;
            case FULL_TRANSITIVE -> CompatibilityLevel.FULL;
            default -> level;
        };
        return checker.incompatibilities(single, schema.schema(), parse(List.of(against)));
    }

    /** Soft-deletes one version; returns its number. */
    @Transactional
    public int deleteVersion(String subject, String version) {
        repository.lockSubject(subject);
        SubjectVersion target = version(subject, version, false);
        repository.softDelete(subject, target.version());
        return target.version();
    }

    /** Soft-deletes every live version of the subject; returns their numbers. */
    @Transactional
    public List<Integer> deleteSubject(String subject) {
        repository.lockSubject(subject);
        List<Integer> deleted = versionNumbers(subject, false);
        deleted.forEach(v -> repository.softDelete(subject, v));
        return deleted;
    }

    /** The level that applies to the subject: its own, else the global one. */
    @Transactional(readOnly = true)
    public CompatibilityLevel compatibility(String subject) {
        return repository.compatibility(subject).orElseGet(this::globalCompatibility);
    }

    @Transactional(readOnly = true)
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return repository.compatibility(subject);
    }

    @Transactional(readOnly = true)
    public CompatibilityLevel globalCompatibility() {
        return repository.compatibility(SchemaRegistryRepository.GLOBAL).orElse(properties.defaultCompatibility());
    }

    @Transactional
    public void setGlobalCompatibility(CompatibilityLevel level) {
        repository.saveCompatibility(SchemaRegistryRepository.GLOBAL, level);
    }

    @Transactional
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        repository.saveCompatibility(subject, level);
    }

    @Transactional
    public CompatibilityLevel deleteSubjectCompatibility(String subject) {
        CompatibilityLevel previous = subjectCompatibility(subject)
                .orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
        repository.deleteCompatibility(subject);
        return previous;
    }

    /** null for the latest version. */
    private static Integer parseVersion(String version) {
        if ("latest".equalsIgnoreCase(version) || "-1".equals(version)) {
            return null;
        }
        try {
            int number = Integer.parseInt(version);
            if (number < 1) {
                throw RegistryException.invalidVersion(version);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(version);
        }
    }

    private static List<Schema> parse(List<SubjectVersion> versions) {
        return versions.stream().map(v -> new Schema.Parser().parse(v.canonical())).toList();
    }
}

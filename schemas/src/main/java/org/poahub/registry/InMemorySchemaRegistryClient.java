package org.poahub.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry held in this JVM, with the REST registry's semantics (global ids, versions per subject,
 * compatibility checked on register, the same typed errors). For unit tests, benchmarks and tools that
 * need no network; not a replacement for the hub's registry.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
  private final List<Schema> schemasById = new ArrayList<>();
  private final Map<String, CompatibilityMode> subjectModes = new LinkedHashMap<>();
  private CompatibilityMode globalMode = CompatibilityMode.FULL_TRANSITIVE;

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    for (RegisteredSchema existing : versions) {
      if (existing.schema().equals(schema)) {
        return existing.id();
      }
    }
    List<Schema> earlier = versions.stream().map(RegisteredSchema::schema).toList();
    List<String> problems = modeOf(subject).check(schema, earlier);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException("Schema incompatible with earlier versions of subject " + subject
          + ": " + String.join("; ", problems), subject, -1, null);
    }
    int id = schemasById.indexOf(schema) + 1;
    if (id == 0) {
      schemasById.add(schema);
      id = schemasById.size();
    }
    versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    return versionsOf(subject).stream().filter(v -> v.schema().equals(schema)).findFirst()
        .orElseThrow(() -> new SchemaNotFoundException(
            "Schema not registered under subject " + subject, subject, -1, 40403));
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new SchemaNotFoundException("Unknown schema id " + id, null, id, 40403);
    }
    return schemasById.get(id - 1);
  }

  @Override
  public synchronized RegisteredSchema latestVersion(String subject) {
    List<RegisteredSchema> versions = versionsOf(subject);
    return versions.get(versions.size() - 1);
  }

  @Override
  public synchronized RegisteredSchema version(String subject, int version) {
    List<RegisteredSchema> versions = versionsOf(subject);
    if (version < 1 || version > versions.size()) {
      throw new SchemaNotFoundException("Version " + version + " not found for subject " + subject, subject, -1, 40402);
    }
    return versions.get(version - 1);
  }

  @Override
  public synchronized boolean isCompatible(String subject, String version, Schema schema) {
    List<Schema> earlier = versionsOf(subject).stream().map(RegisteredSchema::schema).toList();
    if (!"latest".equals(version)) {
      earlier = List.of(version(subject, Integer.parseInt(version)).schema());
    }
    return modeOf(subject).check(schema, earlier).isEmpty();
  }

  @Override
  public synchronized String compatibility() {
    return globalMode.name();
  }

  @Override
  public synchronized String compatibility(String subject) {
    return modeOf(subject).name();
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    CompatibilityMode mode = CompatibilityMode.valueOf(level);
    if (subject == null) {
      globalMode = mode;
    } else {
      subjectModes.put(subject, mode);
    }
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
  }

  private CompatibilityMode modeOf(String subject) {
    return subjectModes.getOrDefault(subject, globalMode);
  }

  private List<RegisteredSchema> versionsOf(String subject) {
    List<RegisteredSchema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaNotFoundException("Subject " + subject + " is not registered", subject, -1, 40401);
    }
    return versions;
  }
}

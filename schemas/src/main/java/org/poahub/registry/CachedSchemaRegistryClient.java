package org.poahub.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches what never changes in a registry: the id of a schema under a subject, and the schema of an id.
 * Only a cache miss reaches the delegate; failures are not cached, so a transient error is retried on the
 * next call. Versions, "latest" and configuration can change and go to the delegate every time.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

  private record SubjectSchema(String subject, Schema schema) {
  }

  private final SchemaRegistryClient delegate;
  private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public CachedSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer id = registeredIds.get(key);
    if (id == null) {
      id = delegate.register(subject, schema);
      registeredIds.put(key, id);
      schemasById.putIfAbsent(id, schema);
    }
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    RegisteredSchema found = lookups.get(key);
    if (found == null) {
      found = delegate.lookup(subject, schema);
      lookups.put(key, found);
      schemasById.putIfAbsent(found.id(), found.schema());
    }
    return found;
  }

  @Override
  public Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = delegate.schemaById(id);
      schemasById.put(id, schema);
    }
    return schema;
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    RegisteredSchema latest = delegate.latestVersion(subject);
    schemasById.putIfAbsent(latest.id(), latest.schema());
    return latest;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    RegisteredSchema found = delegate.version(subject, version);
    schemasById.putIfAbsent(found.id(), found.schema());
    return found;
  }

  @Override
  public boolean isCompatible(String subject, String version, Schema schema) {
    return delegate.isCompatible(subject, version, schema);
  }

  @Override
  public String compatibility() {
    return delegate.compatibility();
  }

  @Override
  public String compatibility(String subject) {
    return delegate.compatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, String level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }
}

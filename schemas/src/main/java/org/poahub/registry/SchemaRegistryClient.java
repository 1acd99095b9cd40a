package org.poahub.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry API, Avro schemas only. Every method throws a {@link SerdeException}:
 * {@link PermanentSerdeException} for a definite "no" from the registry, {@link TransientSerdeException}
 * when it could not answer.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (or finds it already there); returns its global id. */
  int register(String subject, Schema schema);

  /** The version of the subject holding this schema; {@link SchemaNotFoundException} if none does. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The schema with this global id. */
  Schema schemaById(int id);

  RegisteredSchema latestVersion(String subject);

  RegisteredSchema version(String subject, int version);

  /** Whether the schema could be registered under the subject, checked against {@code version}: a number or "latest". */
  boolean isCompatible(String subject, String version, Schema schema);

  /** The global compatibility level, e.g. {@code FULL_TRANSITIVE}. */
  String compatibility();

  /** The subject's compatibility level, falling back to the global one. */
  String compatibility(String subject);

  /** Sets the level globally ({@code subject == null}) or for one subject. */
  void setCompatibility(String subject, String level);

  List<String> subjects();

  List<Integer> versions(String subject);
}

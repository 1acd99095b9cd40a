package org.poahub.registry;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing generated Avro records in the Confluent wire format, readable by Confluent's
 * own deserializers and any Confluent-compatible client.
 *
 * <p>The project's own implementation because Confluent's {@code KafkaAvroSerializer} is not on Maven
 * Central. The schema id is resolved once per topic and schema (see {@link SerdeConfig} for the keys):
 * registered when {@code auto.register.schemas=true}, else looked up under the subject. The bytes are
 * always written with, and tagged by, the record's own schema. Thread-safe.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {

  private record TopicSchema(String topic, Schema schema) {
  }

  /** What is needed to write one schema to one topic, built once. */
  private record Writer(Schema schema, int schemaId, SpecificDatumWriter<Object> datumWriter) {
  }

  /** Per-thread output state, reused record after record. */
  private static final class Output {
    final GrowableBuffer buffer = new GrowableBuffer();
    // Buffered: encodes into its own array and copies to the buffer in bulk on flush, faster than direct.
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);
  }

  private final Map<String, Writer> lastWriterByTopic = new ConcurrentHashMap<>();
  private final Map<TopicSchema, Writer> writers = new ConcurrentHashMap<>();
  private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);
  private SchemaRegistryClient registry;
  private SerdeConfig config;
  private boolean isKey;

  /** For Kafka, which then calls {@link #configure}. */
  public AvroWireSerializer() {
  }

  /** Ready to use with a given client (wrapped in a cache here) and the settings in {@code props}. */
  public AvroWireSerializer(SchemaRegistryClient registry, Map<String, ?> props, boolean isKey) {
    this.registry = cached(registry);
    configure(props, isKey);
  }

  @Override
  public void configure(Map<String, ?> props, boolean isKey) {
    this.config = SerdeConfig.from(props, isKey);
    this.isKey = isKey;
    if (registry == null) {
      if (config.registry() == null) {
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " is required");
      }
      registry = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config.registry()));
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Schema schema = data.getSchema();
    Writer writer = lastWriterByTopic.get(topic);
    if (writer == null || writer.schema() != schema) {
      writer = writers.computeIfAbsent(new TopicSchema(topic, schema), key -> newWriter(key, data));
      lastWriterByTopic.put(topic, writer);
    }
    Output output = outputs.get();
    output.buffer.reset();
    output.buffer.writeHeader(writer.schemaId());
    try {
      writer.datumWriter().write(data, output.encoder);
      output.encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new InvalidRecordException(schema.getName() + " for topic " + topic
          + " cannot be encoded with its schema: " + e.getMessage(), e);
    }
    return output.buffer.toByteArray();
  }

  private Writer newWriter(TopicSchema key, T data) {
    String subject = config.subjectNameStrategy().subject(key.topic(), isKey, key.schema());
    int id = schemaId(subject, key.schema());
    SpecificData model = SpecificData.getForClass(data.getClass());
    return new Writer(key.schema(), id, new SpecificDatumWriter<>(key.schema(), model));
  }

  private int schemaId(String subject, Schema schema) {
    if (config.autoRegister()) {
      return registry.register(subject, schema);
    }
    if (config.useLatestVersion()) {
      RegisteredSchema latest = registry.latestVersion(subject);
      if (latest.schema().equals(schema)) {
        return latest.id();
      }
    }
    return registry.lookup(subject, schema).id();
  }

  private static SchemaRegistryClient cached(SchemaRegistryClient client) {
    return client instanceof CachedSchemaRegistryClient ? client : new CachedSchemaRegistryClient(client);
  }
}

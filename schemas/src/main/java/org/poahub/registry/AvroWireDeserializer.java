package org.poahub.registry;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format. Reads each payload with the writer schema its id names
 * (fetched once per id) and resolves it into the generated class: a v1 payload is read into the v2 class,
 * new optional fields taking their defaults.
 *
 * <p>The reader class is {@code specific.avro.value.type} (or {@code .key.type}) when set, else the
 * generated class with the writer schema's full name. Every failure is a {@link SerdeException}: see
 * {@link SerdeException#isTransient()}. Thread-safe.
 */
public final class AvroWireDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private record Reader(int schemaId, SpecificDatumReader<?> datumReader) {
  }

  private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
  private final ThreadLocal<BoundedDecoder> boundedDecoders = ThreadLocal.withInitial(BoundedDecoder::new);
  private volatile Reader lastReader;
  private SchemaRegistryClient registry;
  private SerdeConfig config;

  /** For Kafka, which then calls {@link #configure}. */
  public AvroWireDeserializer() {
  }

  /** Ready to use with a given client (wrapped in a cache here) and the settings in {@code props}. */
  public AvroWireDeserializer(SchemaRegistryClient registry, Map<String, ?> props, boolean isKey) {
    this.registry = registry instanceof CachedSchemaRegistryClient ? registry : new CachedSchemaRegistryClient(registry);
    configure(props, isKey);
  }

  @Override
  public void configure(Map<String, ?> props, boolean isKey) {
    this.config = SerdeConfig.from(props, isKey);
    if (config.readerType() != null && !SpecificRecord.class.isAssignableFrom(config.readerType())) {
      throw new ConfigException(config.readerType().getName() + " is not a generated Avro (SpecificRecord) class");
    }
    if (registry == null) {
      if (config.registry() == null) {
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " is required");
      }
      registry = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config.registry()));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    int schemaId = WireFormat.schemaId(topic, payload);
    Reader reader = lastReader;
    if (reader == null || reader.schemaId() != schemaId) {
      reader = readers.computeIfAbsent(schemaId, this::newReader);
      lastReader = reader;
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
        payload, WireFormat.HEADER_LENGTH, payload.length - WireFormat.HEADER_LENGTH, decoders.get());
    decoders.set(decoder);
    Object record;
    try {
      record = reader.datumReader().read(null, boundedDecoders.get().reset(decoder, payload.length));
    } catch (EOFException e) {
      throw TruncatedPayloadException.inBody(topic, payload.length, schemaId, e);
    } catch (IOException | RuntimeException e) {
      throw new CorruptPayloadException(topic, schemaId, position(payload, decoder),
          "the Avro body does not decode with the writer schema: " + e, e);
    }
    int unread = remaining(decoder);
    if (unread > 0) {
      throw new CorruptPayloadException(topic, schemaId, payload.length - unread,
          unread + " byte(s) left over after the complete record", null);
    }
    String overPrecision = DecimalPrecision.firstViolation(((SpecificRecord) record).getSchema(), record);
    if (overPrecision != null) {
      throw new CorruptPayloadException(topic, schemaId, payload.length, overPrecision, null);
    }
    return (T) record;
  }

  private Reader newReader(int schemaId) {
    Schema writer = registry.schemaById(schemaId);
    Class<?> type = config.readerType() != null ? config.readerType() : SpecificData.get().getClass(writer);
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new IncompatibleSchemaException("Schema id " + schemaId + " describes " + writer.getFullName()
          + ", for which there is no generated class here", null, schemaId, null);
    }
    SpecificData model = SpecificData.getForClass(type);
    Schema readerSchema = model.getSchema(type);
    SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new IncompatibleSchemaException("Data written with schema id " + schemaId + " (" + writer.getFullName()
          + ") cannot be read as " + type.getName() + ": " + compatibility.getDescription(), null, schemaId, null);
    }
    return new Reader(schemaId, new SpecificDatumReader<>(writer, readerSchema, model));
  }

  private static int remaining(BinaryDecoder decoder) {
    try {
      return decoder.inputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  private static int position(byte[] payload, BinaryDecoder decoder) {
    return payload.length - remaining(decoder);
  }
}

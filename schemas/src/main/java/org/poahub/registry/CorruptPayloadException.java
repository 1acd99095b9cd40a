package org.poahub.registry;

/** The Avro body does not decode with the writer schema named by its header, or has bytes left over. */
public final class CorruptPayloadException extends PermanentSerdeException {
  private final int offset;
  private final int schemaId;

  CorruptPayloadException(String topic, int schemaId, int offset, String why, Throwable cause) {
    super(String.format("Corrupt payload from topic %s near offset %d (schema id %d): %s",
        topic, offset, schemaId, why), cause);
    this.offset = offset;
    this.schemaId = schemaId;
  }

  /** Offset in the payload (header included) at or just after the bad data. */
  public int offset() {
    return offset;
  }

  public int schemaId() {
    return schemaId;
  }
}

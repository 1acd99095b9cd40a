package org.poahub.registry;

/** The payload ends too early: in the 5-byte header, or inside the Avro body. */
public final class TruncatedPayloadException extends PermanentSerdeException {
  private final int length;
  private final int schemaId;

  private TruncatedPayloadException(String message, int length, int schemaId, Throwable cause) {
    super(message, cause);
    this.length = length;
    this.schemaId = schemaId;
  }

  static TruncatedPayloadException inHeader(String topic, int length) {
    return new TruncatedPayloadException(String.format(
        "Truncated payload from topic %s: %d byte(s), the header alone needs 5 (magic byte + 4-byte schema id)",
        topic, length), length, -1, null);
  }

  static TruncatedPayloadException inBody(String topic, int length, int schemaId, Throwable cause) {
    return new TruncatedPayloadException(String.format(
        "Truncated payload from topic %s: the Avro body written with schema id %d ends at offset %d "
        + "before the record is complete", topic, schemaId, length), length, schemaId, cause);
  }

  /** Length of the payload, which is the offset where more bytes were expected. */
  public int length() {
    return length;
  }

  /** The schema id of the header, or -1 if the header itself is incomplete. */
  public int schemaId() {
    return schemaId;
  }
}

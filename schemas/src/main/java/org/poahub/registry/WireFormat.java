package org.poahub.registry;

/** The Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 5;

  private WireFormat() {
  }

  /** The schema id of a framed payload, checking magic byte and length first. */
  static int schemaId(String topic, byte[] payload) {
    if (payload.length > 0 && payload[0] != MAGIC_BYTE) {
      throw new BadMagicByteException(topic, payload[0]);
    }
    if (payload.length < HEADER_LENGTH) {
      throw TruncatedPayloadException.inHeader(topic, payload.length);
    }
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
  }
}

package org.poahub.registry;

/** The first byte is not the Confluent wire format's magic byte 0: not a registry-framed Avro payload. */
public final class BadMagicByteException extends PermanentSerdeException {
  private final int found;

  BadMagicByteException(String topic, int found) {
    super(String.format("Bad magic byte 0x%02x at offset 0 of a payload from topic %s: expected 0x00 "
        + "(Confluent wire format: magic byte, 4-byte schema id, Avro binary)", found & 0xff, topic), null);
    this.found = found & 0xff;
  }

  /** The byte found at offset 0, 0..255. */
  public int found() {
    return found;
  }
}

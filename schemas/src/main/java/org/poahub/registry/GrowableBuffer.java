package org.poahub.registry;

import java.io.OutputStream;
import java.util.Arrays;

/** An unsynchronized, reusable {@link java.io.ByteArrayOutputStream} (whose methods all lock). */
final class GrowableBuffer extends OutputStream {
  private byte[] bytes = new byte[512];
  private int size;

  void reset() {
    size = 0;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void writeHeader(int schemaId) {
    ensure(WireFormat.HEADER_LENGTH);
    bytes[size] = WireFormat.MAGIC_BYTE;
    bytes[size + 1] = (byte) (schemaId >>> 24);
    bytes[size + 2] = (byte) (schemaId >>> 16);
    bytes[size + 3] = (byte) (schemaId >>> 8);
    bytes[size + 4] = (byte) schemaId;
    size += WireFormat.HEADER_LENGTH;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}

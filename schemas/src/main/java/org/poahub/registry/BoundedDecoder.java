package org.poahub.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A decoder over one payload that refuses any length or item count larger than the payload itself.
 *
 * <p>Avro's {@link BinaryDecoder} allocates a string, bytes or array of the length it reads before it finds
 * the payload too short, so ten corrupt bytes can make it allocate up to 2 GB (Avro's own limits are JVM-wide
 * system properties defaulting to ~2 GB). No string, bytes value or array block of a payload can be longer
 * than the payload, so that is the bound. (An array of more than {@code limit} zero-byte items, e.g. nulls,
 * is refused too; the contract has none.)
 */
final class BoundedDecoder extends Decoder {
  private BinaryDecoder in;
  private int limit;
  private byte[] scratch = new byte[256];

  BoundedDecoder reset(BinaryDecoder in, int limit) {
    this.in = in;
    this.limit = limit;
    return this;
  }

  private int length(long length, String what) {
    if (length < 0 || length > limit) {
      throw new AvroRuntimeException(what + " length " + length + " is impossible in a payload of " + limit + " bytes");
    }
    return (int) length;
  }

  private long count(long count) {
    if (count > limit) {
      throw new AvroRuntimeException("block of " + count + " items is impossible in a payload of " + limit + " bytes");
    }
    return count;
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length(in.readLong(), "string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    if (length > 0) {
      in.readFixed(result.getBytes(), 0, length);
    }
    return result;
  }

  @Override
  public String readString() throws IOException {
    int length = length(in.readLong(), "string");
    if (length == 0) {
      return "";
    }
    if (length > scratch.length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    in.readFixed(scratch, 0, length);
    return new String(scratch, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(length(in.readLong(), "string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length(in.readLong(), "bytes");
    ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(result.array(), result.position(), length);
    result.limit(length);
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(length(in.readLong(), "bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return count(in.readArrayStart());
  }

  @Override
  public long arrayNext() throws IOException {
    return count(in.arrayNext());
  }

  @Override
  public long skipArray() throws IOException {
    return in.skipArray();
  }

  @Override
  public long readMapStart() throws IOException {
    return count(in.readMapStart());
  }

  @Override
  public long mapNext() throws IOException {
    return count(in.mapNext());
  }

  @Override
  public long skipMap() throws IOException {
    return in.skipMap();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}

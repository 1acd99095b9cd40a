package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.pgsql.handlers.BaseValueHandler;
import de.bytefish.pgbulkinsert.pgsql.handlers.IValueHandler;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * A one-dimensional PostgreSQL {@code integer[]} or {@code uuid[]} of keys, grown one key at a time and kept in
 * PostgreSQL's binary array form, for the binary COPY of a run's findings stored as keys (V27, V28).
 *
 * <p>Written here rather than with PgBulkInsert's {@code mapIntegerArray}/{@code mapUUIDArray}: those box every element
 * into a {@code List} and encode the array into a growing stream that is then copied again. For the 493,345 ids of the
 * benchmark's run that took 70–140 ms of the run's storing; this form is written in one piece (about 15 ms) and holds
 * 20 bytes per id instead of a {@code UUID} object and a list slot. The layout is {@code array_recv}'s (PostgreSQL,
 * {@code src/backend/utils/adt/arrayfuncs.c}): dimensions, a no-nulls flag, the element type, the dimension's size and
 * lower bound, then each element as its length and its binary value.
 */
final class KeyArray {

    /** Writes a key array as one COPY field: its length, then the array. */
    static final IValueHandler<KeyArray> COPY_FIELD = new BaseValueHandler<>() {
        @Override
        protected void internalHandle(DataOutputStream out, KeyArray array) throws IOException {
            out.writeInt(array.length());
            array.writeTo(out);
        }

        @Override
        public int getLength(KeyArray array) {
            return array.length();
        }
    };

    private static final int INT4_OID = 23;
    private static final int UUID_OID = 2950;
    private static final int HEADER = 5 * Integer.BYTES;
    private static final int EMPTY_HEADER = 3 * Integer.BYTES;

    private final int elementOid;
    private final int elementLength;
    private ByteBuffer elements;
    private int size;

    private KeyArray(int elementOid, int elementLength, int expected) {
        this.elementOid = elementOid;
        this.elementLength = elementLength;
        this.elements = ByteBuffer.allocate(Math.max(expected, 16) * (Integer.BYTES + elementLength));
    }

    /** An empty {@code integer[]} with room for {@code expected} keys (it grows past them). */
    static KeyArray ofIntegers(int expected) {
        return new KeyArray(INT4_OID, Integer.BYTES, expected);
    }

    /** An empty {@code uuid[]} with room for {@code expected} keys (it grows past them). */
    static KeyArray ofUuids(int expected) {
        return new KeyArray(UUID_OID, 2 * Long.BYTES, expected);
    }

    void add(int key) {
        requireElement(INT4_OID);
        room().putInt(key);
        size++;
    }

    void add(UUID key) {
        requireElement(UUID_OID);
        room().putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The array's length in bytes, as a COPY field's length. */
    int length() {
        return size == 0 ? EMPTY_HEADER : HEADER + elements.position();
    }

    private void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size == 0 ? 0 : 1); // dimensions (an empty array has none)
        out.writeInt(0); // no nulls
        out.writeInt(elementOid);
        if (size > 0) {
            out.writeInt(size);
            out.writeInt(1); // lower bound
            out.write(elements.array(), 0, elements.position());
        }
    }

    private void requireElement(int oid) {
        if (elementOid != oid) {
            throw new IllegalArgumentException("This array holds elements of type oid " + elementOid + ", not " + oid);
        }
    }

    /** The buffer with room for one more element (its length, then its value). */
    private ByteBuffer room() {
        int needed = Integer.BYTES + elementLength;
        if (elements.remaining() < needed) {
            int position = elements.position();
            elements = ByteBuffer.wrap(Arrays.copyOf(elements.array(), Math.max(2 * elements.capacity(),
                    position + needed))).position(position);
        }
        return elements.putInt(elementLength);
    }
}

package org.poahub.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The Confluent compatibility levels, checked with Avro's {@link SchemaCompatibility}.
 * BACKWARD: the new schema reads data of the previous one; FORWARD: the previous one reads data of the new one;
 * FULL: both; *_TRANSITIVE: against every earlier version, not only the latest.
 */
public enum CompatibilityMode {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Problems found checking {@code candidate} against {@code earlier} (oldest first); empty when compatible.
   * Each problem says which direction failed, against which version (1-based), and Avro's reason.
   */
  public List<String> check(Schema candidate, List<Schema> earlier) {
    List<String> problems = new ArrayList<>();
    int from = transitive ? 0 : Math.max(0, earlier.size() - 1);
    for (int i = from; i < earlier.size(); i++) {
      Schema previous = earlier.get(i);
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
            "new schema cannot read data written with version " + (i + 1), problems);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
            "version " + (i + 1) + " cannot read data written with the new schema", problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(direction + ": "
          + incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")"));
    }
  }
}

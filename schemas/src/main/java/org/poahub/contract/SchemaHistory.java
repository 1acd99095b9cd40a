package org.poahub.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of each contract record, from {@code src/main/avro-history/<Record>/v<n>.avsc}
 * (packaged on the classpath as {@code avro-history/...}). A registry must hold all of them under each
 * subject, so that an agent that looks its schema up (no auto-registration) finds it however old it is.
 */
public final class SchemaHistory {

  /** The records of the contract whose history is kept. */
  public static final List<String> RECORDS = List.of("ProgressReport", "ExpenditureReport", "ReportOutcome", "PlanSnapshot",
      "FinanceExecution");

  private SchemaHistory() {
  }

  /** Versions 1..n of the record (simple name, e.g. {@code ProgressReport}), oldest first. */
  public static List<Schema> versions(String record) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String resource = "/avro-history/" + record + "/v" + v + ".avsc";
      try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
        if (in == null) {
          break;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("No schema history for record " + record);
    }
    return versions;
  }
}

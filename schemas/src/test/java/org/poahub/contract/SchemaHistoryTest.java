package org.poahub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.poahub.registry.CompatibilityMode;

/** Every released schema version stays in {@code src/main/avro-history}; the contract evolves FULL_TRANSITIVE. */
class SchemaHistoryTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path HISTORY = Path.of("src/main/avro-history");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCurrentSchemaHasAHistory() throws IOException {
    try (Stream<Path> files = Files.list(CURRENT)) {
      List<String> records = files.map(f -> f.getFileName().toString().replace(".avsc", "")).toList();
      assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(HISTORY.resolve(record)).isDirectory());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ProgressReport", "ExpenditureReport", "ReportOutcome", "PlanSnapshot", "FinanceExecution"})
  void currentSchemaIsTheNewestReleasedVersion(String record) throws IOException {
    List<Path> versions = versionFiles(record);
    assertThat(JSON.readTree(CURRENT.resolve(record + ".avsc").toFile()))
        .as("src/main/avro/%s.avsc must equal %s", record, versions.get(versions.size() - 1))
        .isEqualTo(JSON.readTree(versions.get(versions.size() - 1).toFile()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ProgressReport", "ExpenditureReport", "ReportOutcome", "PlanSnapshot", "FinanceExecution"})
  void everyVersionIsFullyCompatibleWithAllEarlierOnes(String record) throws IOException {
    List<Schema> versions = schemas(record);
    for (int i = 1; i < versions.size(); i++) {
      assertThat(CompatibilityMode.FULL_TRANSITIVE.check(versions.get(i), versions.subList(0, i)))
          .as("%s v%d against v1..v%d", record, i + 1, i).isEmpty();
    }
  }

  @Test
  void historyIsOnTheClasspathForTheRegistry() throws IOException {
    for (String record : SchemaHistory.RECORDS) {
      assertThat(SchemaHistory.versions(record)).isEqualTo(schemas(record));
    }
  }

  @Test
  void reportsV2OnlyAddedTheOptionalClientVersion() throws IOException {
    for (String record : List.of("ProgressReport", "ExpenditureReport")) {
      List<Schema> versions = schemas(record);
      assertThat(versions).hasSize(2);
      assertThat(versions.get(0).getField("clientVersion")).isNull();
      assertThat(versions.get(1).getField("clientVersion").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    }
  }

  @Test
  void newRequiredFieldWithoutDefaultIsDetected() throws IOException {
    List<Schema> versions = schemas("ProgressReport");
    Schema v3 = withExtraField(versions.get(versions.size() - 1), "{\"name\": \"unit\", \"type\": \"string\"}");

    List<String> problems = CompatibilityMode.FULL_TRANSITIVE.check(v3, versions);

    assertThat(problems).isNotEmpty().anySatisfy(p -> assertThat(p)
        .contains("new schema cannot read data written with version 1").contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("unit"));
    assertThat(CompatibilityMode.FORWARD_TRANSITIVE.check(v3, versions)).isEmpty();
  }

  @Test
  void newOutcomeStatusSymbolBreaksOldAgents() throws IOException {
    Schema v1 = schemas("ReportOutcome").get(0);
    Schema v2 = new Schema.Parser().parse(v1.toString().replace("\"REJECTED\"]", "\"REJECTED\",\"DEFERRED\"]"));

    assertThat(CompatibilityMode.BACKWARD.check(v2, List.of(v1))).isEmpty();
    assertThat(CompatibilityMode.FULL_TRANSITIVE.check(v2, List.of(v1)))
        .anySatisfy(p -> assertThat(p).contains("version 1 cannot read data written with the new schema").contains("DEFERRED"));
  }

  @Test
  void optionalFieldWithDefaultIsFullyCompatible() throws IOException {
    List<Schema> versions = schemas("ExpenditureReport");
    Schema v3 = withExtraField(versions.get(versions.size() - 1),
        "{\"name\": \"costCenter\", \"type\": [\"null\", \"string\"], \"default\": null}");
    assertThat(CompatibilityMode.FULL_TRANSITIVE.check(v3, versions)).isEmpty();
  }

  private static Schema withExtraField(Schema schema, String fieldJson) throws IOException {
    String json = schema.toString();
    int end = json.lastIndexOf(']');
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }

  private static List<Path> versionFiles(String record) throws IOException {
    try (Stream<Path> files = Files.list(HISTORY.resolve(record))) {
      List<Path> versions = new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc")).toList());
      versions.sort(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""))));
      for (int i = 0; i < versions.size(); i++) {
        assertThat(versions.get(i).getFileName()).as("versions of %s are numbered 1..n", record).hasToString("v" + (i + 1) + ".avsc");
      }
      return versions;
    }
  }

  private static List<Schema> schemas(String record) throws IOException {
    List<Schema> schemas = new ArrayList<>();
    for (Path file : versionFiles(record)) {
      schemas.add(new Schema.Parser().parse(file.toFile()));
    }
    return schemas;
  }
}

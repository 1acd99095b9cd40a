package org.poahub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;

/**
 * Coverage-guided fuzzing of the Confluent-wire decoder: whatever bytes arrive on a regional topic, decoding
 * either gives a record that writes back and reads again as the same record, or fails with a {@link SerdeException}
 * (which the hub turns into a dead letter with its reason). Any other exception, a hang or an out-of-memory is a
 * finding. Seeds are real payloads of each record ({@code WireDecoderFuzzTestInputs}); findings are kept there as
 * regression inputs. {@code ./mvnw verify} fuzzes for a fixed short budget; docs/fuzzing.md has the longer run.
 */
class WireDecoderFuzzTest {

  private static final String TOPIC = "poa.bo-l.progress";

  private final InMemorySchemaRegistryClient registry = registryWithTheContract();
  private final AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>(registry, Map.of(), false);
  private final AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>(registry, Map.of(), false);

  @FuzzTest(maxDuration = "30s")
  void decodesOrRefusesWithAReason(FuzzedDataProvider data) {
    byte[] payload = data.consumeRemainingAsBytes();
    SpecificRecord record;
    try {
      record = deserializer.deserialize(TOPIC, payload);
    } catch (SerdeException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    String subjectTopic = topicFor(record);
    assertThat(deserializer.deserialize(subjectTopic, serializer.serialize(subjectTopic, record))).isEqualTo(record);
  }

  /** Ids 1, 2, 3: the three records, each under the subject its topic uses (TopicNameStrategy). */
  static InMemorySchemaRegistryClient registryWithTheContract() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    registry.register("poa.bo-l.progress-value", ProgressReport.getClassSchema());
    registry.register("poa.bo-l.expenditure-value", ExpenditureReport.getClassSchema());
    registry.register("poa.bo-l.outcomes-value", ReportOutcome.getClassSchema());
    return registry;
  }

  private static String topicFor(SpecificRecord record) {
    if (record instanceof ProgressReport) {
      return "poa.bo-l.progress";
    }
    return record instanceof ExpenditureReport ? "poa.bo-l.expenditure" : "poa.bo-l.outcomes";
  }
}

package org.poahub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ProgressReport;

class SerdeConfigTest {

  @Test
  void readsConfluentKeysWithAgentFriendlyDefaults() {
    SerdeConfig config = SerdeConfig.from(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081/, http://b:8081",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", SerdeConfig.BASIC_AUTH_USER_INFO, "agent:pw",
        SerdeConfig.REQUEST_TIMEOUT_MS, "2500"), false);

    assertThat(config.registry().urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
    assertThat(config.registry().userInfo()).isEqualTo("agent:pw");
    assertThat(config.registry().requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.autoRegister()).isFalse();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.readerType()).isNull();
  }

  @Test
  void takesCredentialsFromTheUrlButNeverSendsThemInIt() {
    SerdeConfig config = SerdeConfig.from(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "https://agent:p%40ss@reg.example:8081",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false);
    assertThat(config.registry().userInfo()).isEqualTo("agent:p@ss");
    assertThat(config.registry().urls()).containsExactly(URI.create("https://reg.example:8081"));
  }

  @Test
  void readerTypeAndStrategyPerKeyOrValue() {
    Map<String, Object> props = Map.of(SerdeConfig.SPECIFIC_AVRO_KEY_TYPE, ProgressReport.class.getName(),
        SerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
    assertThat(SerdeConfig.from(props, true).readerType()).isEqualTo(ProgressReport.class);
    assertThat(SerdeConfig.from(props, true).subjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(SerdeConfig.from(props, false).readerType()).isNull();
  }

  @Test
  void rejectsBadSettingsClearly() {
    assertThatThrownBy(() -> SerdeConfig.from(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://a",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("user:password");
    assertThatThrownBy(() -> SerdeConfig.from(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    assertThatThrownBy(() -> SerdeConfig.from(Map.of(SerdeConfig.SPECIFIC_AVRO_READER, "false"), false))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> SerdeConfig.from(Map.of(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "Whatever"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Whatever");
    assertThatThrownBy(() -> new AvroWireSerializer<ProgressReport>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }
}

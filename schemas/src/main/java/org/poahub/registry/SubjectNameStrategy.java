package org.poahub.registry;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a topic and a record schema map to a registry subject; the names of Confluent's strategies. */
public enum SubjectNameStrategy {
  /** {@code <topic>-value} / {@code <topic>-key}: Confluent's default, one record type per topic. */
  TOPIC_NAME,
  /** {@code <record full name>}: one subject per record type, shared by all topics. */
  RECORD_NAME,
  /** {@code <topic>-<record full name>}. */
  TOPIC_RECORD_NAME;

  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /** Accepts Confluent's class names ({@code io.confluent...TopicNameStrategy}), their simple names, or the enum names. */
  public static SubjectNameStrategy parse(String value) {
    String simple = value.substring(value.lastIndexOf('.') + 1).trim();
    return switch (simple.toUpperCase(Locale.ROOT).replace("_", "")) {
      case "TOPICNAMESTRATEGY", "TOPICNAME" -> TOPIC_NAME;
      case "RECORDNAMESTRATEGY", "RECORDNAME" -> RECORD_NAME;
      case "TOPICRECORDNAMESTRATEGY", "TOPICRECORDNAME" -> TOPIC_RECORD_NAME;
      default -> throw new ConfigException("Unknown subject name strategy '" + value
          + "': use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    };
  }
}

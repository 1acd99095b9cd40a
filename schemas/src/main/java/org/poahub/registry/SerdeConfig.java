package org.poahub.registry;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link AvroWireSerializer} and {@link AvroWireDeserializer}, read from the Kafka client
 * properties with Confluent's key names where one exists.
 *
 * @param readerType the class to read into; {@code null}: the generated class named by the writer schema
 */
public record SerdeConfig(RegistryClientConfig registry, boolean autoRegister, boolean useLatestVersion,
    SubjectNameStrategy subjectNameStrategy, Class<?> readerType) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  /** Not a Confluent key: connect timeout of the registry client, default 5000. */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
  /** Not a Confluent key: per-request timeout of the registry client, default 10000. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /**
   * Reads the settings. {@code schema.registry.url} may be absent only when the caller supplies its own
   * client ({@code registry} is then {@code null}).
   */
  public static SerdeConfig from(Map<String, ?> props, boolean isKey) {
    String urls = string(props, SCHEMA_REGISTRY_URL, null);
    RegistryClientConfig registry = null;
    if (urls != null) {
      String source = string(props, BASIC_AUTH_CREDENTIALS_SOURCE, null);
      String userInfo = null;
      if (source != null && !source.isBlank()) {
        switch (source.trim()) {
          case "USER_INFO" -> {
            userInfo = string(props, BASIC_AUTH_USER_INFO, string(props, "schema.registry." + BASIC_AUTH_USER_INFO, null));
            if (userInfo == null || !userInfo.contains(":")) {
              throw new ConfigException(BASIC_AUTH_USER_INFO + " must be 'user:password' when "
                  + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
            }
          }
          case "URL" -> userInfo = RegistryClientConfig.userInfoOf(urls);
          default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: USER_INFO, URL");
        }
      }
      registry = new RegistryClientConfig(RegistryClientConfig.parseUrls(urls), userInfo,
          Duration.ofMillis(longValue(props, CONNECT_TIMEOUT_MS, RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT.toMillis())),
          Duration.ofMillis(longValue(props, REQUEST_TIMEOUT_MS, RegistryClientConfig.DEFAULT_REQUEST_TIMEOUT.toMillis())));
    }
    if (!bool(props, SPECIFIC_AVRO_READER, true)) {
      throw new ConfigException(SPECIFIC_AVRO_READER, false, "only specific (generated) classes are supported");
    }
    String strategy = string(props, isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY, null);
    return new SerdeConfig(registry,
        bool(props, AUTO_REGISTER_SCHEMAS, false),
        bool(props, USE_LATEST_VERSION, false),
        strategy == null ? SubjectNameStrategy.TOPIC_NAME : SubjectNameStrategy.parse(strategy),
        readerType(props.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE)));
  }

  private static Class<?> readerType(Object value) {
    if (value == null || value instanceof Class<?>) {
      return (Class<?>) value;
    }
    try {
      return Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException("Reader class " + value + " not found");
    }
  }

  private static String string(Map<String, ?> props, String key, String fallback) {
    Object value = props.get(key);
    return value == null ? fallback : value.toString();
  }

  private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
    Object value = props.get(key);
    if (value == null) {
      return fallback;
    }
    String text = value.toString().trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new ConfigException(key, value, "expected true or false");
    }
    return Boolean.parseBoolean(text);
  }

  private static long longValue(Map<String, ?> props, String key, long fallback) {
    Object value = props.get(key);
    try {
      return value == null ? fallback : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "expected milliseconds");
    }
  }
}

package org.poahub.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.poahub.contract.RegionAcls;
import org.poahub.contract.Severity;
import org.poahub.plan.RegionCatalogue;

/**
 * The agent's settings, read from a properties file (see {@code deploy/systemd/poa-agent.properties.example}).
 * Every key under {@code kafka.} is passed to the Kafka clients as is (SASL/TLS settings), after the agent's own
 * producer settings, so an operator can tune them; except {@code kafka.user} and {@code kafka.password}, the agent's
 * SCRAM login (the agent then uses SASL_SSL with SCRAM-SHA-512 unless {@code kafka.security.protocol} says otherwise).
 * A relative {@code kafka.ssl.truststore.location} is resolved against the configuration file's folder.
 *
 * @param kafkaUser     the agent's Kafka user (empty: none configured, or only in {@code kafka.sasl.jaas.config})
 * @param kafkaPassword its password
 */
public record AgentConfig(
        String region,
        String agentId,
        String bootstrapServers,
        Properties kafka,
        String kafkaUser,
        String kafkaPassword,
        String registryUrl,
        String registryUser,
        String registryPassword,
        Path dataDir,
        Path dropFolder,
        int fiscalYear,
        int pageSize,
        Duration backoffInitial,
        Duration backoffMax,
        Severity unbudgetedObject) {

    public static AgentConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("No se encuentra el archivo de configuración " + file.toAbsolutePath()
                    + ". Copie deploy/systemd/poa-agent.properties.example y complételo, o indique otro con --config.");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException("No se puede leer el archivo de configuración " + file + ": " + e.getMessage());
        }
        return from(p, file.toAbsolutePath().getParent());
    }

    /** @param base directory relative paths are resolved against */
    public static AgentConfig from(Properties p, Path base) {
        String region = required(p, "region", "region=BO-L").toUpperCase(Locale.ROOT);
        if (!RegionCatalogue.loadDefault().isKnown(region)) {
            throw new ConfigException("El valor de 'region' (" + region + ") no es una regional conocida. "
                    + "Use el código ISO de la regional, por ejemplo: region=BO-L");
        }
        String agentId = required(p, "agent.id", "agent.id=agente-la-paz-1");
        if (!RegionAcls.isAgentId(agentId)) {
            throw new ConfigException("El valor de 'agent.id' (" + agentId + ") solo puede tener letras, números, "
                    + "'.', '_' y '-' (hasta 64). Ejemplo: agent.id=agente-la-paz-1");
        }
        String bootstrap = required(p, "kafka.bootstrap.servers", "kafka.bootstrap.servers=hub.example.org:9092");
        Properties kafka = new Properties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("kafka.") && !LOGIN_KEYS.contains(key)) {
                kafka.setProperty(key.substring("kafka.".length()), p.getProperty(key).strip());
            }
        }
        String truststore = kafka.getProperty(TRUSTSTORE_LOCATION);
        if (truststore != null && !truststore.isEmpty()) {
            kafka.setProperty(TRUSTSTORE_LOCATION, base.resolve(truststore).normalize().toString());
        }
        String kafkaUser = p.getProperty("kafka.user", "").strip();
        String kafkaPassword = p.getProperty("kafka.password", "").strip();
        if (kafkaUser.isEmpty() != kafkaPassword.isEmpty()) {
            throw new ConfigException("Para conectarse con usuario al servidor Kafka se necesitan 'kafka.user' y "
                    + "'kafka.password' (falta " + (kafkaUser.isEmpty() ? "'kafka.user'" : "'kafka.password'")
                    + "). Ejemplo: kafka.user=" + agentId);
        }
        String registryUrl = required(p, "registry.url", "registry.url=https://hub.example.org/registry");
        if (!registryUrl.startsWith("http://") && !registryUrl.startsWith("https://")) {
            throw new ConfigException("El valor de 'registry.url' (" + registryUrl
                    + ") debe empezar con http:// o https://. Ejemplo: registry.url=https://hub.example.org/registry");
        }
        Path dataDir = base.resolve(required(p, "data.dir", "data.dir=/var/lib/poa-agent")).normalize();
        Path dropFolder = base.resolve(p.getProperty("dropfolder.dir", dataDir.resolve("entrada").toString()).strip())
                .normalize();
        int fiscalYear = integer(p, "fiscal.year", 2020, 2000, 2100, "fiscal.year=2020");
        int pageSize = integer(p, "sync.page-size", 500, 1, 10_000, "sync.page-size=500");
        Duration initial = Duration.ofMillis(integer(p, "sync.backoff.initial-ms", 500, 10, 600_000,
                "sync.backoff.initial-ms=500"));
        Duration max = Duration.ofMillis(integer(p, "sync.backoff.max-ms", 60_000, 100, 3_600_000,
                "sync.backoff.max-ms=60000"));
        String unbudgeted = p.getProperty("rules.unbudgeted-object", "WARNING").strip().toUpperCase(Locale.ROOT);
        Severity severity = switch (unbudgeted) {
            case "WARNING", "ADVERTENCIA" -> Severity.WARNING;
            case "ERROR", "RECHAZO" -> Severity.ERROR;
            default -> throw new ConfigException("El valor de 'rules.unbudgeted-object' (" + unbudgeted
                    + ") debe ser WARNING o ERROR. Ejemplo: rules.unbudgeted-object=WARNING");
        };
        return new AgentConfig(region, agentId, bootstrap, kafka, kafkaUser, kafkaPassword, registryUrl,
                p.getProperty("registry.user", "").strip(), p.getProperty("registry.password", "").strip(), dataDir,
                dropFolder, fiscalYear, pageSize, initial, max, severity);
    }

    /**
     * The Kafka user the agent logs in as, for messages: {@code kafka.user}, else the {@code username} of a
     * {@code kafka.sasl.jaas.config}; empty when it connects without a user.
     */
    public String effectiveKafkaUser() {
        if (!kafkaUser.isEmpty()) {
            return kafkaUser;
        }
        java.util.regex.Matcher m = JAAS_USER.matcher(kafka.getProperty("sasl.jaas.config", ""));
        return m.find() ? m.group(1) : "";
    }

    @Override
    public String toString() {
        return "AgentConfig[region=" + region + ", agentId=" + agentId + ", bootstrapServers=" + bootstrapServers
                + ", kafkaUser=" + kafkaUser + ", registryUrl=" + registryUrl + ", registryUser=" + registryUser
                + ", passwords hidden, dataDir=" + dataDir + "]";
    }

    public Path database() {
        return dataDir.resolve("agente.db");
    }

    private static final java.util.Set<String> LOGIN_KEYS = java.util.Set.of("kafka.user", "kafka.password");
    private static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";
    private static final java.util.regex.Pattern JAAS_USER = java.util.regex.Pattern.compile("username=\"([^\"]*)\"");

    private static String required(Properties p, String key, String example) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("Falta el valor de '" + key + "' en la configuración. Ejemplo: " + example);
        }
        return value.strip();
    }

    private static int integer(Properties p, String key, int fallback, int min, int max, String example) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new ConfigException("El valor de '" + key + "' (" + n + ") debe estar entre " + min + " y " + max
                        + ". Ejemplo: " + example);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException("El valor de '" + key + "' (" + value.strip() + ") no es un número entero. "
                    + "Ejemplo: " + example);
        }
    }
}

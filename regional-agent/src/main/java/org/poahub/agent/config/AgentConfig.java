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
 * producer settings, so an operator can tune them.
 */
public record AgentConfig(
        String region,
        String agentId,
        String bootstrapServers,
        Properties kafka,
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
            if (key.startsWith("kafka.")) {
                kafka.setProperty(key.substring("kafka.".length()), p.getProperty(key).strip());
            }
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
        return new AgentConfig(region, agentId, bootstrap, kafka, registryUrl,
                p.getProperty("registry.user", "").strip(), p.getProperty("registry.password", "").strip(), dataDir,
                dropFolder, fiscalYear, pageSize, initial, max, severity);
    }

    public Path database() {
        return dataDir.resolve("agente.db");
    }

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

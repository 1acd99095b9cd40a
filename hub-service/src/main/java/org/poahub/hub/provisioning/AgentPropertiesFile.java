package org.poahub.hub.provisioning;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Renders a ready {@code poa-agent.properties} (keys of the agent's {@code AgentConfig}), Spanish comments for the
 * office, values escaped by {@link Properties#store} (the CA certificate's line breaks become {@code \n}).
 */
final class AgentPropertiesFile {

    private AgentPropertiesFile() {
    }

    static String render(String region, String agentId, String kafkaBootstrap, String kafkaPassword, String caPem,
                         String registryUrl, String registryPassword, String dataDir) {
        StringBuilder out = new StringBuilder();
        out.append("# Configuración del agente regional POA ").append(agentId).append(" (regional ").append(region)
                .append("), generada por el servidor central.\n")
                .append("# Contiene contraseñas: guárdelo solo en la PC del agente, legible solo por el servicio.\n")
                .append("# Si se pierde, pida a la unidad de sistemas central un archivo nuevo (las contraseñas no se"
                        + " pueden recuperar).\n");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("region", region);
        values.put("agent.id", agentId);
        values.put("kafka.bootstrap.servers", kafkaBootstrap);
        values.put("kafka.security.protocol", "SASL_SSL");
        values.put("kafka.user", agentId);
        values.put("kafka.password", kafkaPassword);
        if (caPem != null) {
            values.put("kafka.ssl.truststore.type", "PEM");
            values.put("kafka.ssl.truststore.certificates", caPem.strip());
        }
        values.put("registry.url", registryUrl);
        values.put("registry.user", agentId);
        values.put("registry.password", registryPassword);
        values.put("data.dir", dataDir);
        values.forEach((key, value) -> out.append(line(key, value)));
        return out.toString();
    }

    /** One {@code key=value} line exactly as {@link Properties#store} escapes it (without its date comment). */
    private static String line(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter text = new StringWriter();
        try {
            one.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
}

package org.poahub.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses; each can be changed by an environment
 * variable when a port is taken on the machine.
 */
record LocalSettings(Path home, int httpPort, int kafkaPort, int postgresPort) {

    static LocalSettings fromEnvironment() {
        return new LocalSettings(
                Path.of(env("POA_HOME", "var")).toAbsolutePath().normalize(),
                port("POA_HTTP_PORT", 8080),
                port("POA_LOCAL_KAFKA_PORT", 9092),
                port("POA_LOCAL_POSTGRES_PORT", 54329));
    }

    private static int port(String name, int fallback) {
        String value = env(name, String.valueOf(fallback));
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number between 1 and 65535, not '" + value + "'");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

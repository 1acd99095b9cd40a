package org.poahub.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.poahub.contract.Topics;

/**
 * Where the local stack keeps its data, which ports it uses and which simulated regional agents it runs; each can
 * be changed by an environment variable (a port taken on the machine, no agents, a faster simulated year).
 *
 * @param httpAddress       the address the hub listens on ({@code POA_HTTP_ADDRESS}, default 127.0.0.1; 0.0.0.0 for
 *                          every interface)
 * @param kafkaTlsPort      the broker's TLS listener for agents ({@code POA_LOCAL_KAFKA_TLS_PORT}, default the Kafka
 *                          port + 1)
 * @param agentRegions      regions with a simulated agent ({@code POA_LOCAL_AGENTS}, comma-separated; {@code none}
 *                          for no agents)
 * @param agentMonth        real time per simulated month ({@code POA_LOCAL_AGENT_MONTH_SECONDS})
 * @param agentInvalidShare share of deliberately invalid reports ({@code POA_LOCAL_AGENT_INVALID}, 0 … 1)
 */
record LocalSettings(Path home, String httpAddress, int httpPort, int kafkaPort, int kafkaTlsPort, int postgresPort,
                     List<String> agentRegions, Duration agentMonth, double agentInvalidShare) {

    static final String DEFAULT_AGENTS = "BO-L,BO-C,BO-S";

    static LocalSettings fromEnvironment() {
        int kafkaPort = port("POA_LOCAL_KAFKA_PORT", 9092);
        return new LocalSettings(
                Path.of(env("POA_HOME", "var")).toAbsolutePath().normalize(),
                address(env("POA_HTTP_ADDRESS", "127.0.0.1")),
                port("POA_HTTP_PORT", 8080),
                kafkaPort,
                port("POA_LOCAL_KAFKA_TLS_PORT", kafkaPort == 65535 ? 9093 : kafkaPort + 1),
                port("POA_LOCAL_POSTGRES_PORT", 54329),
                regions(env("POA_LOCAL_AGENTS", DEFAULT_AGENTS)),
                Duration.ofSeconds(number("POA_LOCAL_AGENT_MONTH_SECONDS", 30, 1, 86_400)),
                share(env("POA_LOCAL_AGENT_INVALID", "0.05")));
    }

    static List<String> regions(String value) {
        if (value.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<String> regions = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        for (String region : regions) {
            if (!Topics.isRegionCode(region)) {
                throw new IllegalArgumentException("POA_LOCAL_AGENTS: '" + region + "' is not a region code; use a "
                        + "comma-separated list such as " + DEFAULT_AGENTS + ", or none");
            }
        }
        return regions;
    }

    private static String address(String value) {
        String address = value.trim();
        if (!address.matches("[0-9A-Za-z.:-]+")) {
            throw new IllegalArgumentException("POA_HTTP_ADDRESS must be an IP address or host name such as 127.0.0.1"
                    + " or 0.0.0.0, not '" + value + "'");
        }
        return address;
    }

    private static double share(String value) {
        try {
            double share = Double.parseDouble(value.trim());
            if (share < 0 || share > 1) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("POA_LOCAL_AGENT_INVALID must be a number from 0 to 1, not '" + value + "'");
        }
    }

    private static int port(String name, int fallback) {
        return number(name, fallback, 1, 65535);
    }

    private static int number(String name, int fallback, int min, int max) {
        String value = env(name, String.valueOf(fallback));
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between " + min + " and " + max + ", not '"
                    + value + "'");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

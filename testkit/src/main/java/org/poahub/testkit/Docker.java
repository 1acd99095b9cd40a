package org.poahub.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can be used: only where a Docker engine actually answers. */
final class Docker {

    private Docker() {
    }

    static boolean available() {
        if ("false".equalsIgnoreCase(System.getenv("POA_TEST_DOCKER"))) {
            return false;
        }
        // Ask Testcontainers only when there is a hint of an engine: its probe is slow and noisy without one.
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}

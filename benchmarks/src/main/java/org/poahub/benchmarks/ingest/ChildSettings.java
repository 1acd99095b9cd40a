package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.poahub.testkit.ChildJvm;
import org.poahub.testkit.ChildMain;
import org.poahub.testkit.TestKafka;

/**
 * A benchmark's child JVM ({@link BaselineProcess}, {@link PreloadProcess}) and the settings handed to it: a properties
 * file only this user can read, since it holds the broker's and the registry's credentials, deleted by the child on
 * start.
 */
final class ChildSettings {

    private static final String KAFKA = "kafka.";

    private ChildSettings() {
    }

    /** The Kafka client properties of the broker (its address and, where it asks for one, the login). */
    static void putKafka(Properties settings, String bootstrapServers) {
        TestKafka.clientProperties(bootstrapServers).forEach((k, v) -> settings.setProperty(KAFKA + k, (String) v));
    }

    static Map<String, Object> kafka(Properties settings) {
        Map<String, Object> kafka = new HashMap<>();
        settings.stringPropertyNames().stream().filter(k -> k.startsWith(KAFKA))
                .forEach(k -> kafka.put(k.substring(KAFKA.length()), settings.getProperty(k)));
        return kafka;
    }

    /**
     * Starts {@code mainClass} in a JVM of its own (through {@link ChildMain}, so it ends with this one), its output
     * on this one's, with the settings' file as its argument.
     */
    static Process start(Class<?> mainClass, Properties settings, String what, String maxHeap) throws IOException {
        return ChildJvm.processFor(ChildMain.class.getName(), List.of("-Xmx" + maxHeap),
                        List.of(mainClass.getName(), write(settings, what).toString()))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Writes the settings to a new file only this user can read; its path is the child's argument. */
    private static Path write(Properties settings, String what) throws IOException {
        Path file = Files.createTempFile("poa-bench-" + what + "-", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            settings.store(out, "poa-hub ingest benchmark: the " + what + "'s settings");
        }
        return file;
    }

    /** In the child: reads the settings and deletes their file. */
    static Properties read(String path) {
        Path file = Path.of(path);
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            settings.load(in);
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the settings " + file, e);
        }
        return settings;
    }
}

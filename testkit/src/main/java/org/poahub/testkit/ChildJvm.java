package org.poahub.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Starts helper JVMs (the Kafka broker, the storage formatter; a hub a test can kill -9) with this JVM's own
 * classpath.
 */
public final class ChildJvm {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildJvm() {
    }

    public static ProcessBuilder processFor(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        // A session of its own, like PostgreSQL's: a Ctrl-C in the terminal then reaches only the parent, which stops
        // its children in order (the hub before the broker it is still talking to). The stdin watchdog of
        // ChildMain still ends the child if the parent dies.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // CLASSPATH instead of -cp keeps `ps` readable; it can be hundreds of entries long.
        builder.environment().put("CLASSPATH", classpath());
        return builder;
    }

    /**
     * Stops a child started through {@link ChildMain} cleanly: closing its stdin makes it exit and run its shutdown
     * hooks; one that has not exited after 30 s gets SIGTERM, then SIGKILL.
     */
    public static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This JVM's classpath with manifest-only jars expanded: Surefire and {@code java -jar} both hide the
     * real entries behind a jar whose manifest lists them in {@code Class-Path}.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(new File(entry).getAbsoluteFile(), entries);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void expand(File entry, Set<String> entries) {
        if (!entries.add(entry.getPath()) || !entry.isFile() || !entry.getName().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String manifestClasspath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (manifestClasspath == null) {
                return;
            }
            for (String ref : manifestClasspath.trim().split("\\s+")) {
                if (!ref.isEmpty()) {
                    expand(resolve(entry, ref), entries);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read classpath jar " + entry + ": " + e.getMessage(), e);
        }
    }

    /** Surefire writes absolute {@code file:} URLs, the jar plugin paths relative to the jar. */
    private static File resolve(File jar, String ref) {
        return new File(jar.getParentFile().toURI().resolve(ref));
    }
}

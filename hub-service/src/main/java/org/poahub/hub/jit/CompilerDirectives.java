package org.poahub.hub.jit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Adds compiler directives (HotSpot's JSON format, JEP 165) to the running JVM, as {@code jcmd <pid>
 * Compiler.directives_add <file>} would: through the JVM's own {@code DiagnosticCommand} MBean, so every way of
 * starting the hub gets them without a launch flag. There is no library for this; it is the JDK's one interface.
 */
public final class CompilerDirectives {

    private static final ObjectName DIAGNOSTIC_COMMAND = diagnosticCommand();
    private static final String[] ARGUMENTS = {String[].class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** Whether this JVM takes directives: HotSpot does, a JVM without its diagnostic commands does not. */
    public boolean supported() {
        return server.isRegistered(DIAGNOSTIC_COMMAND);
    }

    /** {@link #add} where the JVM takes directives; empty where it does not. */
    public Optional<String> addIfSupported(String resource) {
        return supported() ? Optional.of(add(resource)) : Optional.empty();
    }

    /**
     * Adds the directives of a classpath resource on top of the JVM's directive stack.
     *
     * @return what the JVM answered, e.g. "1 compiler directives added"
     * @throws IllegalStateException when the JVM refuses them (a syntax error, an unknown option, a full stack), with
     *                               the JVM's reason
     */
    public String add(String resource) {
        Path file = copyToFile(resource);
        try {
            String answer = invoke("compilerDirectivesAdd", file.toString()).strip();
            if (!answer.endsWith("compiler directives added") || answer.startsWith("0 ")) {
                throw new IllegalStateException("The JVM refused the compiler directives of " + resource + ": "
                        + answer.replace('\n', ' '));
            }
            return answer;
        } finally {
            delete(file);
        }
    }

    /** Removes the directive on top of the stack (the last one added). */
    public void removeLast() {
        invoke("compilerDirectivesRemove");
    }

    /** The JVM's listing of its directives, top of the stack first, the default last. */
    public String list() {
        return invoke("compilerDirectivesPrint");
    }

    private String invoke(String operation, String... arguments) {
        try {
            Object answer = server.invoke(DIAGNOSTIC_COMMAND, operation, new Object[] {arguments}, ARGUMENTS);
            return answer == null ? "" : answer.toString();
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("This JVM has no diagnostic commands, so no compiler directives", e);
        } catch (JMException e) {
            throw new IllegalStateException("Diagnostic command " + operation + " failed", e);
        }
    }

    /** The diagnostic command reads a file, so the resource (inside the jar) is copied to one first. */
    private static Path copyToFile(String resource) {
        try (InputStream in = CompilerDirectives.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No compiler directives resource " + resource);
            }
            Path file = Files.createTempFile("poa-compiler-directives", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + resource + " to a temporary file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static ObjectName diagnosticCommand() {
        try {
            return new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}

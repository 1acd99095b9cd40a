package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    @TempDir
    Path dir;

    @Test
    void manifestOnlyJarsAreExpandedToTheirEntries() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path dep = jar(lib.resolve("dep one.jar"), null);
        Path launcher = jar(dir.resolve("launcher.jar"), "lib/dep%20one.jar " + lib.resolve("other.jar").toUri());

        String saved = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", launcher.toString());
            assertThat(Arrays.asList(ChildJvm.classpath().split(File.pathSeparator)))
                    .containsExactly(launcher.toString(), dep.toString(), lib.resolve("other.jar").toString());
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    private static Path jar(Path path, String classPath) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path;
    }
}

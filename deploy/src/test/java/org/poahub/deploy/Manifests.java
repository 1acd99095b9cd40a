package org.poahub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every YAML document under {@code deploy/k8s}, read into the typed model of its kind: fabric8's Kubernetes model
 * for built-in kinds, Strimzi's own {@code io.strimzi:api} classes for its resources. A field a model does not know
 * (a typo, a wrong nesting) is an error, not silently kept. Only kinds without a Java model on Maven Central — the
 * CloudNativePG {@code Cluster} and the Kustomize {@code Kustomization} — stay generic.
 */
final class Manifests {

    /** The deploy directory (surefire sets it; the module directory when run from an IDE). */
    static final Path DEPLOY = Path.of(System.getProperty("poa.deploy.dir", "."));
    static final Path K8S = DEPLOY.resolve("k8s");

    /** Kinds read without a typed model, by apiVersion and kind. */
    static final Set<String> GENERIC = Set.of("postgresql.cnpg.io/v1 Cluster",
            "kustomize.config.k8s.io/v1beta1 Kustomization");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new YAMLMapper();

    /** The Strimzi API version the manifests use: {@code v1}, served since Strimzi 0.49. */
    static final String STRIMZI_API = "kafka.strimzi.io/v1";

    /** Strimzi's models of the resources used here (each also serves {@code v1beta2}, refused here). */
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            STRIMZI_API + " Kafka", Kafka.class,
            STRIMZI_API + " KafkaNodePool", KafkaNodePool.class,
            STRIMZI_API + " KafkaTopic", KafkaTopic.class,
            STRIMZI_API + " KafkaUser", KafkaUser.class);

    /** One document of one file. */
    record Manifest(Path file, int document, HasMetadata resource) {

        String where() {
            return K8S.relativize(file) + " (document " + (document + 1) + ")";
        }

        String kind() {
            return resource.getKind();
        }

        String name() {
            return resource.getMetadata() == null ? null : resource.getMetadata().getName();
        }

        <T> T as(Class<T> type) {
            return type.cast(resource);
        }
    }

    private Manifests() {
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every manifest under {@code dir}. */
    static List<Manifest> under(Path dir) {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            manifests.addAll(read(file));
        }
        return manifests;
    }

    static List<Manifest> read(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> documents = YAML.readValues(parser, JsonNode.class).readAll();
            for (int i = 0; i < documents.size(); i++) {
                JsonNode document = documents.get(i);
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                manifests.add(new Manifest(file, i, typed(file, i, document)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    private static HasMetadata typed(Path file, int index, JsonNode document) {
        String where = file + " (document " + (index + 1) + ")";
        String apiVersion = document.path("apiVersion").asText(null);
        String kind = document.path("kind").asText(null);
        if (apiVersion == null || kind == null) {
            throw new IllegalArgumentException(where + ": no apiVersion or kind");
        }
        Class<? extends KubernetesResource> type = STRIMZI.containsKey(apiVersion + " " + kind)
                ? STRIMZI.get(apiVersion + " " + kind) : SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class) {
            if (!GENERIC.contains(apiVersion + " " + kind)) {
                throw new IllegalArgumentException(where + ": no model for " + apiVersion + " " + kind
                        + " (a wrong apiVersion, or a kind these tests do not know)");
            }
            return SERIALIZATION.convertValue(document, GenericKubernetesResource.class);
        }
        Object resource = SERIALIZATION.convertValue(document, type);
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, kind, unknown, 0);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": fields the " + kind + " model does not know: " + unknown);
        }
        return (HasMetadata) resource;
    }

    /**
     * fabric8 and Strimzi models keep fields they do not know in {@code additionalProperties}: collect their paths.
     * Free-form maps (labels, Kafka config, ConfigMap data) are not models and are not searched.
     */
    private static void unknownFields(Object node, String path, List<String> unknown, int depth) {
        if (node == null || depth > 40) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, depth + 1);
            }
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else if (!(value instanceof Map<?, ?>)) {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path + "." + field, unknown, depth + 1);
            }
        }
    }
}

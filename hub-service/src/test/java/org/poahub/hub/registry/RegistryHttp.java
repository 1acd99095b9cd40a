package org.poahub.hub.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Plain HTTP calls to a registry API, as a Confluent client makes them. */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    record Answer(int status, String contentType, String text, JsonNode json) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String credentials;

    RegistryHttp(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.credentials = user == null ? null : user + ":" + password;
    }

    RegistryHttp as(String user, String password) {
        return new RegistryHttp(baseUrl, user, password);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer post(String path, String body) {
        return post(path, body, CONTENT_TYPE);
    }

    Answer post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) {
        return send(request(path).header("Content-Type", CONTENT_TYPE).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code {"schema": "<schema>"}} */
    static String schemaRequest(String schema) {
        return JsonNodeFactory.instance.objectNode().put("schema", schema).toString();
    }

    /** The JSON re-indented, e.g. a schema as a person would write it (Avro's own pretty printer is deprecated). */
    static String pretty(String json) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
                        + "application/json; qs=0.5");
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : MAPPER.readTree(response.body());
            } catch (RuntimeException notJson) {
                // left null: the test asserts on the text
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.poahub.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.RegisteredSchema;
import org.poahub.registry.SchemaNotFoundException;

/**
 * A schema registry speaking the Confluent REST protocol over real HTTP (JDK HttpServer), holding schemas in
 * memory: enough for the agent's serde (lookup, register, schema by id). Used because the hub's own registry
 * (branch issue3-registry) needs the Spring Boot hub and PostgreSQL, which the agent module may not depend on.
 */
public final class TestRegistryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemorySchemaRegistryClient schemas = new InMemorySchemaRegistryClient();
    private final HttpServer server;
    private volatile String login;
    private volatile boolean mayRead = true;

    public TestRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int register(String subject, Schema schema) {
        return schemas.register(subject, schema);
    }

    /**
     * From now on every request needs HTTP Basic credentials: a wrong user or password gets 401, the right ones
     * 200 if {@code mayRead}, else 403 (as the hub answers an account without the agent role).
     */
    public TestRegistryServer requireLogin(String user, String password, boolean mayRead) {
        this.login = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.mayRead = mayRead;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (login != null) {
                if (!login.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, JSON.createObjectNode().put("error_code", 401).put("message", "Unauthorized"));
                    return;
                }
                if (!mayRead) {
                    send(exchange, 403, JSON.createObjectNode().put("error_code", 403).put("message", "Forbidden"));
                    return;
                }
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            String[] parts = path.split("/");
            try {
                if (method.equals("GET") && path.startsWith("/schemas/ids/")) {
                    Schema schema = schemas.schemaById(Integer.parseInt(parts[3]));
                    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
                    send(exchange, 200, body);
                } else if (method.equals("POST") && parts.length == 3 && parts[1].equals("subjects")) {
                    String subject = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
                    RegisteredSchema found = schemas.lookup(subject, schema(exchange));
                    send(exchange, 200, JSON.createObjectNode().put("subject", subject).put("version", found.version())
                            .put("id", found.id()).put("schema", found.schema().toString()));
                } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("versions")) {
                    String subject = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
                    send(exchange, 200, JSON.createObjectNode().put("id", schemas.register(subject, schema(exchange))));
                } else {
                    send(exchange, 404, JSON.createObjectNode().put("error_code", 404).put("message", "not found"));
                }
            } catch (SchemaNotFoundException e) {
                send(exchange, 404, JSON.createObjectNode().put("error_code", 40403).put("message", e.getMessage()));
            }
        }
    }

    private static Schema schema(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        return new Schema.Parser().parse(body.path("schema").asText());
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.poahub.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls of the hub tests to a hub on localhost, with HTTP Basic credentials ("user:password") or none. */
public final class HubHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HubHttp() {
    }

    /** A request to {@code path} on the hub at {@code port}; anonymous when {@code credentials} is null. */
    public static HttpRequest.Builder request(int port, String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** A GET of {@code path} on the hub at {@code port}, body as text; anonymous when {@code credentials} is null. */
    public static HttpResponse<String> get(int port, String path, String credentials) {
        return send(request(port, path, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request; an I/O failure or an interrupt becomes an unchecked exception (the interrupt is kept). */
    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

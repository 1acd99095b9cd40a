package org.poahub.hub.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;

/** A browser as the hub sees it: a cookie jar, no redirects followed, form posts and fetches with the CSRF header. */
final class BrowserSession {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    BrowserSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> getPage(String path) {
        return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    /** The login page's flow: read the session (issues the CSRF token), post the form with it. */
    HttpResponse<String> login(String user, String password) {
        String token = new ObjectMapper().readTree(get("/api/session").body()).path("csrf").path("token").asString();
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A script's state-changing fetch: echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN (as sesion.js does). */
    HttpResponse<String> fetch(String method, String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        csrfCookie().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request.build());
    }

    /** What a page on another site can make the browser send: the cookies, but no CSRF header or field. */
    HttpResponse<String> crossSitePost(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Optional<String> csrfCookie() {
        return cookie("XSRF-TOKEN");
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

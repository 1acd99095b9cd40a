package org.poahub.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regional staff of a simulated office closing their months: presents a month for review through the hub's API
 * ({@code POST /api/review/{year}/{year-MM}/{region}/present}) as the office's {@code regional-<region>} user, so
 * review work waits for the analysts (docs/review.md). Basic authentication, as API clients use (no session, so no
 * CSRF token). A refusal (already presented, nothing to present) is logged and left: the office would read it on the
 * review screen.
 */
final class MonthPresenter {

    private static final Logger log = LoggerFactory.getLogger(MonthPresenter.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String hubUrl;
    private final String region;
    private final String authorization;

    MonthPresenter(String hubUrl, String region, String user, String password) {
        this.hubUrl = hubUrl;
        this.region = region;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the HTTP status of the hub's answer, or -1 when the hub could not be reached */
    int present(int year, int month) {
        String period = String.format(Locale.ROOT, "%d-%02d", year, month);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl + "/api/review/" + year + "/" + period + "/"
                        + region + "/present"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"Mes cerrado por la oficina regional "
                        + "(simulada).\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                log.info("Simulated office {}: presented {} for review", region, period);
            } else {
                log.info("Simulated office {}: {} not presented (HTTP {}): {}", region, period,
                        response.statusCode(), response.body());
            }
            return response.statusCode();
        } catch (IOException e) {
            log.warn("Simulated office {}: could not present {}: {}", region, period, e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

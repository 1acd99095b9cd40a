package org.poahub.registry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the registry is and how to talk to it.
 *
 * @param urls base URLs, tried in order when one is unreachable
 * @param userInfo {@code user:password} for HTTP Basic, or {@code null}
 */
public record RegistryClientConfig(List<URI> urls, String userInfo, Duration connectTimeout, Duration requestTimeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public RegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("At least one schema registry URL is needed");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  public static RegistryClientConfig of(String commaSeparatedUrls, String userInfo) {
    return new RegistryClientConfig(parseUrls(commaSeparatedUrls), userInfo, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  static List<URI> parseUrls(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
        .toList();
  }
}

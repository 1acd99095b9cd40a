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

  /** The URLs, without trailing slash and without user info (credentials go in a header, never in the URL). */
  static List<URI> parseUrls(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
        .map(RegistryClientConfig::withoutUserInfo)
        .toList();
  }

  /** The user info of the first URL that has one, for {@code basic.auth.credentials.source=URL}. */
  static String userInfoOf(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> URI.create(s).getRawUserInfo()).filter(Objects::nonNull)
        .map(info -> java.net.URLDecoder.decode(info, java.nio.charset.StandardCharsets.UTF_8))
        .findFirst().orElse(null);
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1)
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }
}

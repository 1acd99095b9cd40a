package org.poahub.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka topic names. Each region (regional) writes only under its own prefix {@code poa.<region>.}, so the
 * broker can grant each agent's principal access to its own topics only.
 */
public final class Topics {

  /** Plan distribution (POA): compacted, one record per plan key, read by every agent. */
  public static final String PLAN = "poa.plan";
  /** Dead letters: payloads the hub could not decode, kept with the reason for a person to look at. */
  public static final String DLQ = "poa.dlq";
  /**
   * The consolidated execution of each exported period ({@code FinanceExecution}), for other systems: compacted, keyed
   * by {@code <gestión>/<period>}, written by the hub's {@code finance-execution-out}.
   */
  public static final String FINANCE_EXECUTION = "poa.finance.execution";

  /** ISO 3166-2:BO codes of the nine departments. */
  public static final Set<String> REGION_CODES =
      Set.of("BO-B", "BO-C", "BO-H", "BO-L", "BO-N", "BO-O", "BO-P", "BO-S", "BO-T");

  /** Matches every regional report topic (not the outcomes), for a pattern subscription of the hub. */
  public static final Pattern REPORT_TOPICS = Pattern.compile("poa\\.bo-[bchlnopst]\\.(progress|expenditure)");

  private static final Pattern REGIONAL_TOPIC = Pattern.compile("poa\\.(bo-[a-z])\\.([a-z]+)");

  /** What a regional topic carries. */
  public enum Kind {
    /** {@link ProgressReport}s, agent to hub. */
    PROGRESS("progress"),
    /** {@link ExpenditureReport}s, agent to hub. */
    EXPENDITURE("expenditure"),
    /** {@link ReportOutcome}s, hub to agent. */
    OUTCOMES("outcomes");

    private final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }

    static Optional<Kind> ofSuffix(String suffix) {
      for (Kind kind : values()) {
        if (kind.suffix.equals(suffix)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** A regional topic taken apart. */
  public record RegionalTopic(String regionCode, Kind kind) {
    public String topic() {
      return Topics.topic(regionCode, kind);
    }
  }

  private Topics() {
  }

  public static String progress(String regionCode) {
    return topic(regionCode, Kind.PROGRESS);
  }

  public static String expenditure(String regionCode) {
    return topic(regionCode, Kind.EXPENDITURE);
  }

  public static String outcomes(String regionCode) {
    return topic(regionCode, Kind.OUTCOMES);
  }

  /** {@code poa.<region lower-case>.<kind>}, e.g. {@code BO-L} → {@code poa.bo-l.progress}. */
  public static String topic(String regionCode, Kind kind) {
    return prefix(regionCode) + kind.suffix();
  }

  /** The prefix every topic of the region starts with, e.g. {@code poa.bo-l.}: the resource of a prefixed ACL. */
  public static String prefix(String regionCode) {
    return "poa." + requireRegionCode(regionCode).toLowerCase(Locale.ROOT) + ".";
  }

  /** The region and kind of a regional topic; empty for {@link #PLAN}, {@link #DLQ}, {@link #FINANCE_EXECUTION} and foreign names. */
  public static Optional<RegionalTopic> parse(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    Matcher matcher = REGIONAL_TOPIC.matcher(topic);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String region = matcher.group(1).toUpperCase(Locale.ROOT);
    if (!REGION_CODES.contains(region)) {
      return Optional.empty();
    }
    return Kind.ofSuffix(matcher.group(2)).map(kind -> new RegionalTopic(region, kind));
  }

  /** The record key of a report: {@code <region>|<operationCode>}, so reports of one operation stay in order. */
  public static String reportKey(String regionCode, String operationCode) {
    if (operationCode == null || operationCode.isBlank() || operationCode.indexOf('|') >= 0) {
      throw new IllegalArgumentException("Invalid operation code '" + operationCode + "' for a record key");
    }
    return requireRegionCode(regionCode) + "|" + operationCode;
  }

  public static boolean isRegionCode(String code) {
    return code != null && REGION_CODES.contains(code);
  }

  /** The code itself if it is one of {@link #REGION_CODES} (upper-case, e.g. {@code BO-L}). */
  public static String requireRegionCode(String code) {
    if (!isRegionCode(code)) {
      throw new IllegalArgumentException("Unknown region code '" + code
          + "': expected an ISO 3166-2:BO department code, one of " + new java.util.TreeSet<>(REGION_CODES));
    }
    return code;
  }
}

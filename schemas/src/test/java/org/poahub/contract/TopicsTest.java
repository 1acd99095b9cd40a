package org.poahub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.poahub.contract.Topics.Kind;
import org.poahub.contract.Topics.RegionalTopic;

class TopicsTest {

  @Test
  void namesEachRegionsTopicsUnderItsOwnPrefix() {
    assertThat(Topics.progress("BO-L")).isEqualTo("poa.bo-l.progress");
    assertThat(Topics.expenditure("BO-S")).isEqualTo("poa.bo-s.expenditure");
    assertThat(Topics.outcomes("BO-T")).isEqualTo("poa.bo-t.outcomes");
    assertThat(Topics.prefix("BO-C")).isEqualTo("poa.bo-c.");
    assertThat(Topics.PLAN).isEqualTo("poa.plan");
    assertThat(Topics.DLQ).isEqualTo("poa.dlq");
    assertThat(Topics.FINANCE_EXECUTION).isEqualTo("poa.finance.execution");
    assertThat(Topics.parse(Topics.FINANCE_EXECUTION)).isEmpty();
  }

  @Test
  void parsesTopicsBackToRegionAndKind() {
    for (String region : Topics.REGION_CODES) {
      for (Kind kind : Kind.values()) {
        assertThat(Topics.parse(Topics.topic(region, kind))).contains(new RegionalTopic(region, kind));
      }
    }
    assertThat(Topics.parse("poa.bo-l.outcomes").map(RegionalTopic::topic)).contains("poa.bo-l.outcomes");
  }

  @Test
  void foreignOrMalformedTopicsDoNotParse() {
    assertThat(Topics.parse(Topics.PLAN)).isEmpty();
    assertThat(Topics.parse(Topics.DLQ)).isEmpty();
    assertThat(Topics.parse("poa.bo-x.progress")).isEmpty();
    assertThat(Topics.parse("poa.BO-L.progress")).isEmpty();
    assertThat(Topics.parse("poa.bo-l.plan")).isEmpty();
    assertThat(Topics.parse("poa.bo-l.progress.extra")).isEmpty();
    assertThat(Topics.parse(null)).isEmpty();
  }

  @Test
  void reportTopicPatternMatchesReportsOnly() {
    assertThat(Topics.REPORT_TOPICS.matcher("poa.bo-n.progress").matches()).isTrue();
    assertThat(Topics.REPORT_TOPICS.matcher("poa.bo-h.expenditure").matches()).isTrue();
    assertThat(Topics.REPORT_TOPICS.matcher("poa.bo-h.outcomes").matches()).isFalse();
    assertThat(Topics.REPORT_TOPICS.matcher("poa.bo-x.progress").matches()).isFalse();
  }

  @Test
  void validatesRegionCodes() {
    assertThat(Topics.REGION_CODES).hasSize(9);
    assertThat(Topics.isRegionCode("BO-P")).isTrue();
    assertThat(Topics.isRegionCode("bo-p")).isFalse();
    assertThat(Topics.isRegionCode("BO-X")).isFalse();
    assertThat(Topics.isRegionCode(null)).isFalse();
    assertThatThrownBy(() -> Topics.progress("BO-Z"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BO-Z").hasMessageContaining("BO-L");
  }

  @Test
  void reportKeyKeepsOneOperationOfOneRegionOnOnePartition() {
    assertThat(Topics.reportKey("BO-L", "11.04.02")).isEqualTo("BO-L|11.04.02");
    assertThatThrownBy(() -> Topics.reportKey("BO-L", "11|04")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.reportKey("BO-L", " ")).isInstanceOf(IllegalArgumentException.class);
  }
}

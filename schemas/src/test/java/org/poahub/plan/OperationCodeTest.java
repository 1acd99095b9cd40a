package org.poahub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperationCodeTest {

    @Test
    void parsesTheSeedsSpellingWithTrailingDot() {
        OperationCode code = OperationCode.parse(" 11.04.02. ");
        assertThat(code.value()).isEqualTo("11.04.02");
        assertThat(code.objectiveCode()).isEqualTo("11");
        assertThat(code.actionCode()).isEqualTo("11.04");
    }

    @Test
    void rejectsMalformedCodes() {
        assertThat(OperationCode.isValid("11.4.02")).isFalse();
        assertThat(OperationCode.isValid("11.04")).isFalse();
        assertThat(OperationCode.isValid("11.04.02.01")).isFalse();
        assertThat(OperationCode.isValid(null)).isFalse();
        assertThatThrownBy(() -> OperationCode.parse("ab.cd.ef")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersLexicographically() {
        assertThat(OperationCode.parse("04.02.01")).isLessThan(OperationCode.parse("11.01.01"));
    }
}

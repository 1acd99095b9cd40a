package org.poahub.hub.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void aTextThatCouldStartAFormulaGetsAnApostrophe() {
        assertThat(SafeText.of("=1+2")).isEqualTo("'=1+2");
        assertThat(SafeText.of("+591 2 2222222")).isEqualTo("'+591 2 2222222");
        assertThat(SafeText.of("-Capacitar")).isEqualTo("'-Capacitar");
        assertThat(SafeText.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafeText.of("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void anyOtherTextIsUnchanged() {
        assertThat(SafeText.of("Emitir certificados = 10")).isEqualTo("Emitir certificados = 10");
        assertThat(SafeText.of("11-0000-004")).isEqualTo("11-0000-004");
        assertThat(SafeText.of("")).isEmpty();
        assertThat(SafeText.of(null)).isNull();
    }
}

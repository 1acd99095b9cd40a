package org.poahub.routes.finance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoucherNumbersTest {

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "C-31 Nº 0000123|123", "c-31 nº 123|123", "C31 N° 00123|123", "C-31 No. 123|123", "C-31 Nro. 0123|123",
            "C-31 #123|123", "0000123|123", " 1 23 |123", "N° 123|123", "123-A|123-A", "c-31 n° 0|0",
            "C-31 Nº 000|0", "C-31 Nº|''"})
    void prefixesSpacesCaseAndLeadingZerosDoNotMatter(String raw, String normalized) {
        assertThat(VoucherNumbers.normalize(raw)).isEqualTo(normalized);
    }
}

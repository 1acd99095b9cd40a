package org.poahub.routes.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoucherNumbersTest {

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "C-31 Nº 0000123|123", "c-31 nº 123|123", "C31 N° 00123|123", "C-31 No. 123|123", "C-31 Nro. 0123|123",
            "C-31 #123|123", "0000123|123", " 1 23 |123", "N° 123|123", "123-A|123-A", "c-31 n° 0|0",
            "C-31 Nº 000|0", "C-31 Nº|''", "bo-l-07-0042|BO-L-07-0042", "ñandú 7|NANDU7", "-:12|12"})
    void prefixesSpacesCaseAndLeadingZerosDoNotMatter(String raw, String normalized) {
        assertThat(VoucherNumbers.normalize(raw)).isEqualTo(normalized);
    }

    /** The shortcut for plain ASCII numbers gives what the patterns give, on texts built to reach every pattern. */
    @Test
    void theShortcutForPlainNumbersAgreesWithThePatterns() {
        String[] pieces = {"C", "c", "-", "31", "3", "1", "N", "n", "º", "°", "O", "o", ".", "RO", "UM", "#", " ",
                "\t", "\r\n", ":", "0", "00", "7", "A", "é", "Ñ", "x", "/", "\u000B", "\f"};
        Random random = new Random(20200101);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder raw = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = raw.toString();
            assertThat(VoucherNumbers.normalize(text)).as("'%s'", text)
                    .isEqualTo(VoucherNumbers.normalizeByPatterns(text));
        }
    }
}

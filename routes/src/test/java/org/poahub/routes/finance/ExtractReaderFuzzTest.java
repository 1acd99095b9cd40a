package org.poahub.routes.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the financial-system extract reader: any bytes dropped in the inbox either read as an
 * execution extract or a voucher listing, or are refused with every problem listed in Spanish
 * ({@link ExtractRejectedException}); nothing else escapes. Seeds are the SENAVEX 2020 sample extracts.
 * docs/fuzzing.md.
 */
class ExtractReaderFuzzTest {

    private final ExtractReader reader = new ExtractReader();

    @FuzzTest(maxDuration = "30s")
    void readsOrListsEveryProblem(FuzzedDataProvider data) {
        byte[] content = data.consumeRemainingAsBytes();
        try {
            assertThat(reader.read("extracto.csv", content)).isNotNull();
        } catch (ExtractRejectedException refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }
}

package org.poahub.routes.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FinanceOutboxTest {

    @Test
    void eachFileIsWrittenUnderATemporaryNameThenRenamedReplacingAnEarlierCopy() {
        assertThat(new FinanceOutbox("file:/tmp/salida", "").producerUri()).isEqualTo("file:/tmp/salida?"
                + "tempFileName=${file:onlyname}.part&fileExist=Override&eagerDeleteTargetFile=false");
    }

    @Test
    void sftpOptionsComeFirstAndAreNeverDescribed() {
        FinanceOutbox outbox = new FinanceOutbox("sftp://poa@host:22/salida", "password=RAW(s3cret)");

        assertThat(outbox.producerUri()).startsWith("sftp://poa@host:22/salida?password=RAW(s3cret)&tempFileName=");
        assertThat(outbox.describe()).isEqualTo("sftp://poa@host:22/salida").doesNotContain("s3cret");
    }

    @Test
    void theTemporaryNameMatchesNoneOfTheNamesAConsumerWaitsFor() {
        String temporary = "ejecucion_41_2020_2020-T2_v1.csv" + FinanceOutbox.TEMPORARY_SUFFIX;

        assertThat(temporary).doesNotMatch("(?i).*\\.(csv|xlsx|done)");
    }

    @Test
    void anOutboxFileIsAPlainName() {
        assertThatThrownBy(() -> new OutboxFile("../x.csv", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxFile(".done", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OutboxFile("a.done", new byte[0]).name()).isEqualTo("a.done");
    }
}

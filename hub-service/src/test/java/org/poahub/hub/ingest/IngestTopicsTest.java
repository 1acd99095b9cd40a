package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.poahub.plan.RegionCatalogue;

class IngestTopicsTest {

    @Test
    void theTopicsAreThoseOfTheConfiguredRegions() {
        RegionCatalogue two = RegionCatalogue.load(new ByteArrayInputStream(
                "codigo;nombre\nBO-L;La Paz\nBO-C;Cochabamba\n".getBytes(StandardCharsets.UTF_8)), "test");

        assertThat(IngestTopics.reportTopics(two)).containsExactly("poa.bo-c.progress", "poa.bo-c.expenditure",
                "poa.bo-l.progress", "poa.bo-l.expenditure");
        assertThat(IngestTopics.all(two)).containsExactly("poa.bo-c.progress", "poa.bo-c.expenditure",
                "poa.bo-l.progress", "poa.bo-l.expenditure", "poa.bo-c.outcomes", "poa.bo-l.outcomes", "poa.dlq");
    }
}

package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.plan.RegionCatalogue;
import org.poahub.registry.InMemorySchemaRegistryClient;

class ReportSchemaRegistrarTest {

    private final ReportSchemaRegistrar registrar =
            new ReportSchemaRegistrar(new InMemorySchemaRegistryClient(), RegionCatalogue.loadDefault());

    @Test
    void everyRegionGetsBothReportSubjectsWithTheWholeHistoryOldestFirst() {
        Map<String, List<Schema>> bySubject = registrar.registrations().stream().collect(Collectors.groupingBy(
                ReportSchemaRegistrar.Registration::subject, java.util.LinkedHashMap::new,
                Collectors.mapping(ReportSchemaRegistrar.Registration::schema, Collectors.toList())));

        assertThat(bySubject).hasSize(18).containsKeys("poa.bo-l.progress-value", "poa.bo-t.expenditure-value");
        assertThat(bySubject.values()).allSatisfy(versions -> {
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).getField("clientVersion")).as("v1 has no clientVersion").isNull();
        });
    }

    @Test
    void theNewestVersionIsExactlyWhatTheGeneratedClassesLookUp() {
        var registrations = registrar.registrations();
        assertThat(last(registrations, "poa.bo-s.progress-value")).isEqualTo(ProgressReport.getClassSchema());
        assertThat(last(registrations, "poa.bo-s.progress-value").toString())
                .isEqualTo(ProgressReport.getClassSchema().toString());
        assertThat(last(registrations, "poa.bo-s.expenditure-value")).isEqualTo(ExpenditureReport.getClassSchema());
    }

    private static Schema last(List<ReportSchemaRegistrar.Registration> registrations, String subject) {
        return registrations.stream().filter(r -> r.subject().equals(subject)).reduce((a, b) -> b).orElseThrow().schema();
    }
}

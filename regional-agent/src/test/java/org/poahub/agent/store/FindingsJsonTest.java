package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.contract.Severity;
import org.poahub.rules.Finding;

class FindingsJsonTest {

    @Test
    void findingsComeBackExactlyTabsNewlinesQuotesAndAnEmptyFieldIncluded() {
        List<Finding> findings = List.of(
                new Finding("PERIOD_OUTSIDE_OPERATION", Severity.ERROR, "periodEnd", "El período\tno \"coincide\"\ncon la operación"),
                new Finding("PROGRESS_LATE", Severity.WARNING, null, "Informado después del período"));
        assertThat(FindingsJson.decode(FindingsJson.encode(findings))).isEqualTo(findings);
    }

    @Test
    void everyComponentOfTheFindingRecordIsStoredAndNothingElse() throws Exception {
        Finding finding = new Finding("BUDGET_LINE_EXCEEDED", Severity.WARNING, "amount", "Supera la partida");
        List<String> stored = iterable(new ObjectMapper().readTree(FindingsJson.encode(List.of(finding))).get(0));
        assertThat(stored).containsExactlyElementsOf(
                Arrays.stream(Finding.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void noFindingsAndPropertiesTheRecordNoLongerHas() {
        assertThat(FindingsJson.decode(null)).isEmpty();
        assertThat(FindingsJson.encode(List.of())).isEqualTo("[]");
        assertThat(FindingsJson.decode("[{\"code\":\"X\",\"severity\":\"ERROR\",\"message\":\"m\",\"retired\":1}]"))
                .containsExactly(new Finding("X", Severity.ERROR, null, "m"));
    }

    @Test
    void storedTextThatIsNotJsonIsRefusedSayingWhat() {
        assertThatThrownBy(() -> FindingsJson.decode("CODE\tERROR\t\tmessage\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON")
                .hasMessageContaining("CODE");
    }

    private static List<String> iterable(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

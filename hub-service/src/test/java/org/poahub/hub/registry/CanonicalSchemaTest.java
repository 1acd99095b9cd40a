package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;

class CanonicalSchemaTest {

    @Test
    void formattingDoesNotChangeTheIdentity() {
        CanonicalSchema compact = CanonicalSchema.parse(ExpenditureReport.getClassSchema().toString());
        String indented = RegistryHttp.pretty(ExpenditureReport.getClassSchema().toString());
        assertThat(indented).contains("\n  ");
        CanonicalSchema pretty = CanonicalSchema.parse(indented);

        assertThat(pretty.fingerprint()).isEqualTo(compact.fingerprint()).hasSize(64);
        assertThat(pretty.text()).isEqualTo(compact.text()).isEqualTo(ExpenditureReport.getClassSchema().toString());
    }

    @Test
    void aDefaultOrALogicalTypeMakesADifferentSchema() {
        String plain = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        String withDefault = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"default\":\"x\"}]}";
        String uuid = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}}]}";

        assertThat(CanonicalSchema.parse(withDefault).fingerprint()).isNotEqualTo(CanonicalSchema.parse(plain).fingerprint());
        assertThat(CanonicalSchema.parse(uuid).fingerprint()).isNotEqualTo(CanonicalSchema.parse(plain).fingerprint());
    }

    @Test
    void invalidSchemasAreRejectedWith42201() {
        for (String invalid : new String[] {"", "not json", "{\"type\": \"record\", \"name\": \"R\"}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}",
                "{\"type\": \"nosuchtype\"}"}) {
            assertThatThrownBy(() -> CanonicalSchema.parse(invalid)).as(invalid)
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        }
    }
}

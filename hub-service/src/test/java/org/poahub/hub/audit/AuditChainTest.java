package org.poahub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00.123456789Z");

    @Test
    void equalStatesGiveEqualTextWhateverTheKeyOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("role", "REGIONAL");
        one.put("active", true);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("active", true);
        other.put("role", "REGIONAL");

        assertThat(AuditChain.json(one)).isEqualTo(AuditChain.json(other)).isEqualTo("{\"active\":true,\"role\":\"REGIONAL\"}");
    }

    @Test
    void aRowHoldsAfterItsPredecessorAndItsTimeIsHashedAtPostgresPrecision() {
        String hash = AuditChain.hash(7, AT, "ana", "USER_CREATED", "luis", "{}", "{\"role\":\"CONSULTA\"}", AuditChain.GENESIS);
        AuditChain.Row row = new AuditChain.Row(7, AuditChain.storable(AT), "ana", "USER_CREATED", "luis", "{}",
                "{\"role\":\"CONSULTA\"}", AuditChain.GENESIS, hash);

        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(AuditChain.storable(AT)).isEqualTo(Instant.parse("2026-12-04T12:00:00.123456Z"));
        assertThat(AuditChain.brokenBecause(row, AuditChain.GENESIS)).isNull();
    }

    @Test
    void changingAnyFieldOrThePredecessorBreaksTheRow() {
        String hash = AuditChain.hash(7, AT, "ana", "USER_CREATED", "luis", "{}", "{\"role\":\"CONSULTA\"}", AuditChain.GENESIS);
        AuditChain.Row edited = new AuditChain.Row(7, AT, "ana", "USER_CREATED", "luis", "{}", "{\"role\":\"ADMIN\"}",
                AuditChain.GENESIS, hash);
        AuditChain.Row moved = new AuditChain.Row(8, AT, "ana", "USER_CREATED", "luis", "{}", "{\"role\":\"CONSULTA\"}",
                AuditChain.GENESIS, hash);
        AuditChain.Row intact = new AuditChain.Row(7, AT, "ana", "USER_CREATED", "luis", "{}", "{\"role\":\"CONSULTA\"}",
                AuditChain.GENESIS, hash);

        assertThat(AuditChain.brokenBecause(edited, AuditChain.GENESIS)).contains("fue modificada");
        assertThat(AuditChain.brokenBecause(moved, AuditChain.GENESIS)).contains("fue modificada");
        assertThat(AuditChain.brokenBecause(intact, "f".repeat(64))).contains("hash anterior");
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        assertThat(AuditChain.hash(1, AT, "a|b", "C", "", "{}", "{}", AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, AT, "a", "b|C", "", "{}", "{}", AuditChain.GENESIS));
    }
}

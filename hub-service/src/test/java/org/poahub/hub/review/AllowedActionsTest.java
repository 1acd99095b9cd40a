package org.poahub.hub.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What the detail offers each caller (the buttons of revision.html): the rules of the transitions themselves. */
class AllowedActionsTest {

    private static final Authentication LA_PAZ = caller("ROLE_REGIONAL", "REGION_BO-L");
    private static final Authentication ANALYST = caller("ROLE_ANALISTA");
    private static final Authentication VIEWER = caller("ROLE_CONSULTA");

    @Test
    void theRegionsOwnUserMayPresentAnOpenOrObservedPeriodWithOperations() {
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-L", PeriodState.ABIERTO, true))
                .containsExactly("present");
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-L", PeriodState.OBSERVADO, true))
                .containsExactly("present");
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-L", PeriodState.ABIERTO, false)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-C", PeriodState.ABIERTO, true)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-L", PeriodState.PRESENTADO, true)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(ANALYST, "BO-L", PeriodState.ABIERTO, true)).isEmpty();
    }

    @Test
    void anAnalystMayApproveOrObserveAPresentedOrReopenedPeriod() {
        assertThat(PeriodReviewService.allowedActions(ANALYST, "BO-L", PeriodState.PRESENTADO, true))
                .containsExactly("approve", "observe");
        assertThat(PeriodReviewService.allowedActions(ANALYST, "BO-L", PeriodState.PENDIENTE_REAPROBACION, true))
                .containsExactly("approve", "observe");
        assertThat(PeriodReviewService.allowedActions(ANALYST, "BO-L", PeriodState.APROBADO, true)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(ANALYST, "BO-L", PeriodState.OBSERVADO, true)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(VIEWER, "BO-L", PeriodState.PRESENTADO, true)).isEmpty();
        assertThat(PeriodReviewService.allowedActions(LA_PAZ, "BO-L", PeriodState.PRESENTADO, true)).isEmpty();
    }

    private static Authentication caller(String... authorities) {
        return new UsernamePasswordAuthenticationToken("someone", null,
                Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
    }
}

package org.poahub.hub.audit;

import java.util.Map;

/**
 * One staff action to put on the audit trail (logins, plan imports, period transitions, user changes, exports,
 * settings, agent provisioning). Features publish it with Spring's {@code ApplicationEventPublisher} inside the
 * transaction that makes the change; the audit feature listens synchronously, so the audit row commits or rolls
 * back with the change itself.
 *
 * @param actor  the user name (or {@code "system"} for scheduled work)
 * @param action a stable code such as {@code PERIOD_APPROVED}, {@code PLAN_IMPORTED}, {@code LOGIN_FAILED}
 * @param target what was acted on, e.g. {@code BO-L/2020-03} or a user name
 * @param before the relevant state before (JSON-serialisable; empty when none)
 * @param after  the relevant state after (JSON-serialisable; empty when none)
 */
public record StaffAction(String actor, String action, String target, Map<String, Object> before,
        Map<String, Object> after) {

    public StaffAction {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }
}

package org.poahub.hub.plan;

/** Published (after commit) when a new plan version became the current plan of its fiscal year. */
public record PlanImported(PlanVersion version) {
}

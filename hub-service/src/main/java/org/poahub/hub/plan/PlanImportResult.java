package org.poahub.hub.plan;

/**
 * The outcome of an accepted import: the version that now holds the file's plan and whether it was created by this
 * import ({@code false} when the file's plan equals the current version, which is then kept).
 */
public record PlanImportResult(PlanVersion version, boolean created) {
}

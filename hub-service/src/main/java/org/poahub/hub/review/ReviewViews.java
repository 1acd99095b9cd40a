package org.poahub.hub.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.review.ReviewRepository.LateReport;
import org.poahub.hub.review.ReviewRepository.Rejection;
import org.poahub.hub.review.ReviewRepository.SequenceGap;
import org.poahub.hub.review.ReviewRepository.SnapshotInfo;
import org.poahub.hub.review.ReviewRepository.Transition;

/** What the review API returns (JSON). */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** The periods × regions grid of a fiscal year. */
    public record Grid(int fiscalYear, PeriodGranularity granularity, List<PeriodColumn> periods) {
    }

    /**
     * One period: its regions' states and the national state ({@code APROBADO} when every region with operations
     * is approved, else {@code EN_REVISION}).
     */
    public record PeriodColumn(String period, LocalDate start, LocalDate end, String nationalState,
                               Instant nationalApprovedAt, List<Cell> regions) {
    }

    /** @param withOperations whether the region carries an operation scheduled in the period (its approval counts) */
    public record Cell(String regionCode, String regionName, boolean withOperations, PeriodState state,
                       int version) {
    }

    /**
     * A region's period with what a reviewer needs to decide.
     *
     * @param allowedActions the transitions the caller may ask for now ({@code present}, {@code approve},
     *                       {@code observe}), by its role, region and the period's state: what the page offers as
     *                       buttons. The transition itself checks again (and may still meet a 409).
     */
    public record PeriodDetail(int fiscalYear, String period, LocalDate start, LocalDate end, String regionCode,
                               String regionName, boolean withOperations, PeriodState state, int version,
                               String changedBy, Instant changedAt, String lastComment, Completeness completeness,
                               Figures figures, List<LateReport> lateReports, List<SnapshotInfo> snapshots,
                               List<Transition> transitions, List<String> allowedActions) {
    }

    /**
     * What the region sees before presenting: sequence gaps of its agents, its rejected reports of the period, and
     * the consolidation alerts (as of the period's last day) on operations it carries.
     */
    public record Completeness(List<SequenceGap> sequenceGaps, List<Rejection> rejections,
                               List<Consolidation.Alert> alerts) {

        /** In the JSON as {@code complete} (a record's extra method is no property unless named). */
        @JsonProperty("complete")
        public boolean complete() {
            return sequenceGaps.isEmpty() && rejections.isEmpty();
        }
    }

    /**
     * The region's figures as of the period's last day now ({@code current}) and as frozen at the latest approval
     * ({@code asApproved}, null before the first), with the difference.
     */
    public record Figures(RegionFigures current, RegionFigures asApproved, RegionFigures.Difference difference) {
    }

    /** The body of present / approve / observe. */
    public record TransitionRequest(Integer version, String comment) {
    }

    /** A transition's result. {@code snapshotId} is set by an approval; {@code nationalApproved} when it completed
     * the national period. */
    public record TransitionResult(int fiscalYear, String period, String regionCode, PeriodState state, int version,
                                   String changedBy, Instant changedAt, String comment, Long snapshotId,
                                   boolean nationalApproved) {
    }
}

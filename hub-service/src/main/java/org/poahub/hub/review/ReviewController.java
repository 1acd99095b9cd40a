package org.poahub.hub.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.poahub.hub.review.ReviewViews.Grid;
import org.poahub.hub.review.ReviewViews.PeriodDetail;
import org.poahub.hub.review.ReviewViews.TransitionRequest;
import org.poahub.hub.review.ReviewViews.TransitionResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The approval of each period (docs/review.md). Every check is in {@link PeriodReviewService}. */
@RestController
@RequestMapping("/api/review")
@Tag(name = "Review", description = "Approval of each period per region: present, approve, observe, snapshots")
class ReviewController {

    private final PeriodReviewService review;

    ReviewController(PeriodReviewService review) {
        this.review = review;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Periods × regions of a fiscal year with their states (a regional user: its region only)")
    Grid grid(Authentication caller, @PathVariable int year) {
        return review.grid(caller, year);
    }

    @GetMapping("/{year}/{period}/{region}")
    @Operation(summary = "One region's period: completeness, figures as approved and current, late reports, history")
    PeriodDetail detail(Authentication caller, @PathVariable int year, @PathVariable String period,
                        @PathVariable String region) {
        return review.detail(caller, year, period, region);
    }

    @PostMapping("/{year}/{period}/{region}/present")
    @Operation(summary = "The region presents its period (REGIONAL of that region; from ABIERTO or OBSERVADO)")
    TransitionResult present(Authentication caller, @PathVariable int year, @PathVariable String period,
                             @PathVariable String region, @RequestBody(required = false) TransitionRequest body) {
        TransitionRequest request = body == null ? new TransitionRequest(null, null) : body;
        return review.present(caller, year, period, region, request.version(), request.comment());
    }

    @PostMapping("/{year}/{period}/{region}/approve")
    @Operation(summary = "Approve (ANALISTA; from PRESENTADO or PENDIENTE_REAPROBACION): freezes a snapshot")
    TransitionResult approve(Authentication caller, @PathVariable int year, @PathVariable String period,
                             @PathVariable String region, @RequestBody(required = false) TransitionRequest body) {
        TransitionRequest request = body == null ? new TransitionRequest(null, null) : body;
        return review.approve(caller, year, period, region, request.version(), request.comment());
    }

    @PostMapping("/{year}/{period}/{region}/observe")
    @Operation(summary = "Observe with a mandatory comment (ANALISTA): the period goes back to the region")
    TransitionResult observe(Authentication caller, @PathVariable int year, @PathVariable String period,
                             @PathVariable String region, @RequestBody(required = false) TransitionRequest body) {
        TransitionRequest request = body == null ? new TransitionRequest(null, null) : body;
        return review.observe(caller, year, period, region, request.version(), request.comment());
    }

    @ExceptionHandler(ReviewException.class)
    ProblemDetail refused(ReviewException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    /** {@code RegionScope.require}: another region's period. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail otherRegion(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Acción no permitida");
        return problem;
    }
}

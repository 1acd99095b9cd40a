package org.poahub.hub.agents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.poahub.hub.security.RegionScope;
import org.poahub.plan.RegionCatalogue;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Per-agent sync status: what arrived last, which sequence numbers are missing, how far behind the agent is. A
 * REGIONAL caller sees only its region's agents ({@link RegionScope}).
 */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Agents", description = "Sync status of the regional agents as seen by the hub")
class AgentSyncController {

    private final AgentSyncRepository repository;
    private final RegionCatalogue regions;

    AgentSyncController(AgentSyncRepository repository, RegionCatalogue regions) {
        this.repository = repository;
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "Sync status of every agent that has sent a report, optionally of one region")
    List<AgentSyncStatus> list(@Parameter(description = "Region code, e.g. BO-L")
                               @RequestParam(name = "region", required = false) String requested, Authentication caller) {
        String region = RegionScope.narrow(caller, requested);
        if (region == null || region.isBlank()) {
            return repository.find(null);
        }
        if (!regions.isKnown(region.strip())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Región desconocida '" + region.strip()
                    + "': use un código del catálogo de regiones, p. ej. BO-L.");
        }
        return repository.find(region.strip());
    }

    @GetMapping("/{agentId}")
    @Operation(summary = "Sync status of one agent")
    AgentSyncStatus one(@PathVariable String agentId, Authentication caller) {
        AgentSyncStatus status = repository.findById(agentId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "El hub no ha recibido ningún reporte del agente '" + agentId + "'."));
        RegionScope.require(caller, status.regionCode());
        return status;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail problem(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}

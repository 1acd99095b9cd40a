package org.poahub.hub.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.poahub.hub.security.accounts.AccountException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agent provisioning for ADMIN (URL rule {@code /api/admin/**}). */
@RestController
@RequestMapping("/api/admin/agents")
@Tag(name = "Agent provisioning", description = "Kafka account, ACLs and registry account of a regional agent (ADMIN)")
class AgentProvisioningController {

    record NewAgent(String region, String agentId) {
    }

    private final AgentProvisioning provisioning;

    AgentProvisioningController(AgentProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @PostMapping
    @Operation(summary = "Provision an agent: 201 with its passwords and poa-agent.properties, shown only this once")
    ResponseEntity<ProvisionedAgent> provision(@RequestBody NewAgent agent, Authentication admin) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(provisioning.provision(agent.region(), agent.agentId(), admin.getName()));
    }

    @DeleteMapping("/{agentId}")
    @Operation(summary = "Revoke an agent: Kafka ACLs and credential deleted, registry account deactivated")
    Map<String, Object> revoke(@PathVariable String agentId, Authentication admin) {
        return Map.of("agentId", agentId, "kafkaAclsDeleted", provisioning.revoke(agentId, admin.getName()));
    }

    @ExceptionHandler({ProvisioningException.class, AccountException.class})
    ProblemDetail refused(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Aprovisionamiento rechazado");
        return problem;
    }
}

package org.poahub.hub;

import org.poahub.hub.audit.AuditVerifyCommand;
import org.poahub.hub.plan.PlanImportCommand;
import org.poahub.hub.provisioning.AgentProvisioningCommand;
import org.poahub.hub.security.accounts.UserCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The central hub: consolidates the regional reports into the national POA. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        if (PlanImportCommand.isCommand(args) || UserCommand.isCommand(args) || AuditVerifyCommand.isCommand(args)
                || AgentProvisioningCommand.isCommand(args)) {
            // A one-shot command: no web server (a running hub may hold the port), exit with the command's status.
            SpringApplication command = new SpringApplication(HubApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(command.run(args)));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}

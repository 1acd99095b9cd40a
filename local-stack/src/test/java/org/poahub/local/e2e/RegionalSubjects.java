package org.poahub.local.e2e;

import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;

/**
 * Registers the report schemas under every regional subject through the hub's registry API, as an administrator
 * would: agents never auto-register. Goes once the hub registers them itself at start-up (branch issue5-local);
 * registering the same schema again is harmless (same id), so both can coexist meanwhile.
 */
final class RegionalSubjects {

    private RegionalSubjects() {
    }

    static void register(String registryUrl, String adminUserInfo) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl, adminUserInfo));
        for (String region : Topics.REGION_CODES) {
            registry.register(Topics.progress(region) + "-value", ProgressReport.getClassSchema());
            registry.register(Topics.expenditure(region) + "-value", ExpenditureReport.getClassSchema());
        }
    }
}

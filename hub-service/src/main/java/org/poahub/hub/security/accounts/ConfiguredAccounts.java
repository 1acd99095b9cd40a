package org.poahub.hub.security.accounts;

import java.util.Map;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.security.Roles;
import org.poahub.hub.security.SecurityProperties;
import org.poahub.plan.RegionCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the account table at start, before the hub serves requests or runs a command: the first ADMIN
 * ({@code poa.security.initial-admin}) when the table is empty, then every account of {@code poa.security.users}
 * (created when missing; password, role, region and active flag set to the configured ones otherwise). Configured
 * passwords are already encoded; plain text ({@code {noop}}) stops the start unless explicitly allowed.
 */
@Component
class ConfiguredAccounts implements SmartInitializingSingleton {

    static final String ACTOR = "configuracion";
    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);

    private final SecurityProperties properties;
    private final AccountRepository accounts;
    private final RegionCatalogue regions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ConfiguredAccounts(SecurityProperties properties, AccountRepository accounts, RegionCatalogue regions,
                       ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.regions = regions;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SecurityProperties.User admin = properties.initialAdmin();
        if (admin != null && admin.name() != null && !admin.name().isBlank()) {
            transactions.executeWithoutResult(tx -> {
                if (accounts.isEmpty()) {
                    ensure(new SecurityProperties.User(admin.name(), admin.password(),
                            java.util.List.of(Roles.ADMIN), null));
                    log.info("Created the first administrator '{}'", admin.name());
                }
            });
        }
        for (SecurityProperties.User user : properties.users()) {
            transactions.executeWithoutResult(tx -> ensure(user));
        }
    }

    private void ensure(SecurityProperties.User user) {
        if (user.roles().size() != 1 || !Roles.ALL.contains(user.roles().get(0))) {
            throw new IllegalStateException("poa.security.users '" + user.name() + "' must have exactly one role of "
                    + Roles.ALL + "; has " + user.roles());
        }
        String role = user.roles().get(0);
        PasswordRules.checkEncoded(user.name(), user.password(), properties.allowPlainTextPasswords());
        String region = user.region() == null || user.region().isBlank() ? null : user.region().strip();
        if (Roles.REGIONAL.equals(role) && region == null) {
            throw new IllegalStateException("poa.security.users '" + user.name() + "' has role REGIONAL but no region");
        }
        if (region != null && !regions.isKnown(region)) {
            throw new IllegalStateException("poa.security.users '" + user.name() + "' has an unknown region " + region);
        }
        if (accounts.insert(user.name(), user.password(), role, region)) {
            events.publishEvent(new StaffAction(ACTOR, "USER_CREATED", user.name(), Map.of(),
                    Map.of("role", role, "region", region == null ? "" : region, "active", true)));
            return;
        }
        Account before = accounts.lock(user.name()).orElseThrow();
        boolean samePassword = accounts.passwordIs(user.name(), user.password());
        if (!samePassword) {
            accounts.updatePassword(user.name(), user.password());
        }
        boolean same = role.equals(before.role()) && java.util.Objects.equals(region, before.region())
                && before.active();
        if (!same) {
            accounts.update(user.name(), role, region, true);
        }
        if (!same || !samePassword) {
            events.publishEvent(new StaffAction(ACTOR, "USER_CONFIGURED", user.name(),
                    Map.of("role", before.role(), "region", before.region() == null ? "" : before.region(),
                            "active", before.active()),
                    Map.of("role", role, "region", region == null ? "" : region, "active", true,
                            "passwordChanged", !samePassword)));
        }
    }
}

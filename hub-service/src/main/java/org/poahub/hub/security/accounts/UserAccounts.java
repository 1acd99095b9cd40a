package org.poahub.hub.security.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.security.Roles;
import org.poahub.plan.RegionCatalogue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes accounts. Every change is checked (Spanish {@link AccountException} on bad input), made in one
 * transaction and put on the audit trail ({@link StaffAction} with the state before and after, never a password).
 * Deactivating an account ends its open sessions once the change commits. Other features call this service: agent
 * provisioning creates an {@link Roles#AGENTE} account with {@link #createAgent} and retires it with
 * {@link #deactivate}.
 */
@Service
public class UserAccounts {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final RegionCatalogue regions;
    private final ApplicationEventPublisher events;

    UserAccounts(AccountRepository accounts, PasswordEncoder encoder, RegionCatalogue regions,
                 ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.regions = regions;
        this.events = events;
    }

    public List<Account> list() {
        return accounts.all();
    }

    public Optional<Account> find(String name) {
        return accounts.find(name);
    }

    /**
     * Creates an active account with a new password (hashed here; at least 12 characters).
     *
     * @param region required for {@link Roles#REGIONAL}, optional for {@link Roles#AGENTE}, refused for other roles
     * @param actor  who does it (for the audit trail)
     */
    @Transactional
    public Account create(String name, String rawPassword, String role, String region, String actor) {
        checkName(name);
        String regionCode = checkRoleAndRegion(role, region);
        PasswordRules.checkNew(rawPassword);
        if (!accounts.insert(name, encoder.encode(rawPassword), role, regionCode)) {
            throw new AccountException("Ya existe el usuario '" + name + "'.");
        }
        Account created = accounts.find(name).orElseThrow();
        audit(actor, "USER_CREATED", name, Map.of(), view(created));
        return created;
    }

    /** The account a provisioned regional agent reads the schema registry with (role {@link Roles#AGENTE}). */
    @Transactional
    public Account createAgent(String name, String region, String rawPassword, String actor) {
        if (region == null || region.isBlank()) {
            throw new AccountException("Indique la región del agente '" + name + "'.");
        }
        return create(name, rawPassword, Roles.AGENTE, region, actor);
    }

    /** Changes role and region (region as for {@link #create}). */
    @Transactional
    public Account changeRole(String name, String role, String region, String actor) {
        Account before = accounts.lock(name).orElseThrow(() -> AccountException.notFound(name));
        String regionCode = checkRoleAndRegion(role, region);
        accounts.update(name, role, regionCode, before.active());
        Account after = accounts.find(name).orElseThrow();
        audit(actor, "USER_ROLE_CHANGED", name, view(before), view(after));
        return after;
    }

    /** Sets a new password (at least 12 characters); the audit row says it changed, not what it is. */
    @Transactional
    public void resetPassword(String name, String rawPassword, String actor) {
        accounts.lock(name).orElseThrow(() -> AccountException.notFound(name));
        PasswordRules.checkNew(rawPassword);
        accounts.updatePassword(name, encoder.encode(rawPassword));
        audit(actor, "USER_PASSWORD_RESET", name, Map.of(), Map.of());
    }

    /** Deactivates the account (it can no longer log in) and ends its sessions after commit. Idempotent. */
    @Transactional
    public Account deactivate(String name, String actor) {
        Account before = accounts.lock(name).orElseThrow(() -> AccountException.notFound(name));
        if (name.equals(actor)) {
            throw new AccountException("No puede desactivar su propia cuenta.");
        }
        accounts.update(name, before.role(), before.region(), false);
        Account after = accounts.find(name).orElseThrow();
        if (before.active()) {
            audit(actor, "USER_DEACTIVATED", name, view(before), view(after));
        }
        events.publishEvent(new AccountDeactivated(name));
        return after;
    }

    /** Activates a deactivated account again. */
    @Transactional
    public Account activate(String name, String actor) {
        Account before = accounts.lock(name).orElseThrow(() -> AccountException.notFound(name));
        accounts.update(name, before.role(), before.region(), true);
        Account after = accounts.find(name).orElseThrow();
        if (!before.active()) {
            audit(actor, "USER_ACTIVATED", name, view(before), view(after));
        }
        return after;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException("Nombre de usuario inválido '" + name + "': use de 1 a 64 letras, dígitos,"
                    + " '.', '_', '@' o '-', empezando por letra o dígito.");
        }
    }

    private String checkRoleAndRegion(String role, String region) {
        if (role == null || !Roles.ALL.contains(role)) {
            throw new AccountException("Rol desconocido '" + role + "': use uno de " + String.join(", ", Roles.ALL)
                    + ".");
        }
        String regionCode = region == null || region.isBlank() ? null : region.strip();
        if (Roles.REGIONAL.equals(role) && regionCode == null) {
            throw new AccountException("El rol REGIONAL necesita una región, p. ej. BO-L.");
        }
        if (!Roles.REGIONAL.equals(role) && !Roles.AGENTE.equals(role) && regionCode != null) {
            throw new AccountException("El rol " + role + " es nacional: no lleva región.");
        }
        if (regionCode != null && !regions.isKnown(regionCode)) {
            throw new AccountException("Región desconocida '" + regionCode
                    + "': use un código del catálogo de regiones, p. ej. BO-L.");
        }
        return regionCode;
    }

    private void audit(String actor, String action, String target, Map<String, Object> before,
                       Map<String, Object> after) {
        events.publishEvent(new StaffAction(actor, action, target, before, after));
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("role", a.role());
        v.put("region", a.region() == null ? "" : a.region());
        v.put("active", a.active());
        return v;
    }
}

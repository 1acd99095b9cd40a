package org.poahub.hub.security.accounts;

import java.util.ArrayList;
import java.util.List;
import org.poahub.hub.security.RegionScope;
import org.poahub.hub.security.SecurityProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for login: authorities {@code ROLE_<role>} and, with a region, {@code REGION_<code>}
 * ({@link RegionScope}). A deactivated account, or one whose stored password is plain text while plain text is not
 * allowed, is disabled (login refused).
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final boolean allowPlainText;

    AccountDetailsService(AccountRepository accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.allowPlainText = properties.allowPlainTextPasswords();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        AccountRepository.Credentials found = accounts.credentials(name)
                .orElseThrow(() -> new UsernameNotFoundException("no account " + name));
        Account account = found.account();
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role()));
        if (account.region() != null) {
            authorities.add(new SimpleGrantedAuthority(RegionScope.AUTHORITY_PREFIX + account.region()));
        }
        boolean plainRefused = PasswordRules.isPlainText(found.passwordHash()) && !allowPlainText;
        return User.withUsername(account.name())
                .password(found.passwordHash())
                .authorities(authorities)
                .disabled(!account.active() || plainRefused)
                .build();
    }
}

package org.poahub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class RegionScopeTest {

    private final Authentication national = caller("ROLE_CONSULTA");
    private final Authentication regional = caller("ROLE_REGIONAL", "REGION_BO-L");

    @Test
    void aNationalCallerKeepsItsFilter() {
        assertThat(RegionScope.narrow(national, null)).isNull();
        assertThat(RegionScope.narrow(national, "BO-C")).isEqualTo("BO-C");
    }

    @Test
    void aRegionalCallerIsNarrowedToItsRegionAndRefusedAnother() {
        assertThat(RegionScope.narrow(regional, null)).isEqualTo("BO-L");
        assertThat(RegionScope.narrow(regional, "BO-L")).isEqualTo("BO-L");
        assertThatThrownBy(() -> RegionScope.narrow(regional, "BO-C")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("La región BO-C no corresponde a su cuenta.");
    }

    @Test
    void dataWithoutARegionIsNationalOnly() {
        RegionScope.require(national, null);
        assertThatThrownBy(() -> RegionScope.require(regional, null)).isInstanceOf(AccessDeniedException.class);
    }

    private static Authentication caller(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("u", "n/a", AuthorityUtils.createAuthorityList(authorities));
    }
}

package org.poahub.hub.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which regions a caller may see. National roles see all; a {@link Roles#REGIONAL} user carries exactly one
 * {@code REGION_<code>} authority and sees only that region. Every endpoint that returns or changes regional data
 * asks this class on the server; hiding links in the dashboard is not a control.
 */
public final class RegionScope {

    /** Prefix of the authority naming a regional user's region, e.g. {@code REGION_BO-L}. */
    public static final String AUTHORITY_PREFIX = "REGION_";

    private RegionScope() {
    }

    /** The caller's one region when it is limited to one; empty for national roles. */
    public static Optional<String> regionOf(Authentication caller) {
        if (caller == null) {
            return Optional.empty();
        }
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(AUTHORITY_PREFIX))
                .map(a -> a.substring(AUTHORITY_PREFIX.length()))
                .findFirst();
    }

    /** Whether the caller may see or act on {@code region}'s data. */
    public static boolean covers(Authentication caller, String region) {
        return regionOf(caller).map(own -> own.equalsIgnoreCase(region)).orElse(true);
    }

    /**
     * The region filter of a listing: a national caller gets {@code requested} (null = every region); a regional
     * caller gets its own region, and a 403 when it asked for another one.
     */
    public static String narrow(Authentication caller, String requested) {
        Optional<String> own = regionOf(caller);
        if (own.isEmpty()) {
            return requested;
        }
        if (requested != null && !requested.isBlank()) {
            require(caller, requested.strip());
        }
        return own.get();
    }

    /** Refuses (403) when the caller is limited to another region. */
    public static void require(Authentication caller, String region) {
        if (!covers(caller, region)) {
            throw new AccessDeniedException(region == null ? "La región de este dato no corresponde a su cuenta."
                    : "La región " + region + " no corresponde a su cuenta.");
        }
    }
}

package org.poahub.hub.security.accounts;

/** Published inside the transaction that deactivates an account; its sessions end once that commits. */
record AccountDeactivated(String name) {
}

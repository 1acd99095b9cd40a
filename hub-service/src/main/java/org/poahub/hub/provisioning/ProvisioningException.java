package org.poahub.hub.provisioning;

/** Provisioning refused or failed; the message is Spanish and says what and why. */
public class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}

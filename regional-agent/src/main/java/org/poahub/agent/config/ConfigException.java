package org.poahub.agent.config;

/** A missing or wrong setting; the message is Spanish and names the key, the problem and an example. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}

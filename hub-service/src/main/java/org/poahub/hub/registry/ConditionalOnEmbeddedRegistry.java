package org.poahub.hub.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/** The bean exists only while the hub serves the registry itself ({@code poa.registry.embedded.enabled}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnBooleanProperty(name = "poa.registry.embedded.enabled", matchIfMissing = true)
@interface ConditionalOnEmbeddedRegistry {
}

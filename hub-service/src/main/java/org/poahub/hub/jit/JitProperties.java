package org.poahub.hub.jit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub's JVM compiles ({@code poa.jit.*}).
 *
 * @param ingestDirectives keep the per-record ingest code out of the JVM's optimizing compiler (C2), so that it
 *                         does not take half a core for the first minute of every drain
 *                         ({@link IngestCompilation}); default on, {@code POA_JIT_INGEST_DIRECTIVES=false} turns it
 *                         off
 */
@ConfigurationProperties("poa.jit")
public record JitProperties(@DefaultValue("true") boolean ingestDirectives) {
}

package org.poahub.agent.store;

import org.poahub.contract.ReportKind;

/** A pending report as the forwarder reads it: its sequence, kind and the Avro payload. */
public record OutboxRow(long sequence, ReportKind kind, String operationCode, byte[] payload) {
}

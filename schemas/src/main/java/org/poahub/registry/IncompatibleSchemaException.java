package org.poahub.registry;

/**
 * A schema breaks the subject's compatibility rule (registry answer 409), or a writer schema cannot be
 * resolved into the reader's class.
 */
public final class IncompatibleSchemaException extends PermanentSerdeException {
  private final String subject;
  private final int schemaId;

  IncompatibleSchemaException(String message, String subject, int schemaId, Throwable cause) {
    super(message, cause);
    this.subject = subject;
    this.schemaId = schemaId;
  }

  /** The subject, or {@code null} when reading. */
  public String subject() {
    return subject;
  }

  /** The writer schema id when reading, or -1. */
  public int schemaId() {
    return schemaId;
  }
}

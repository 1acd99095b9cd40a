package org.poahub.registry;

/**
 * The registry does not know the schema id (40403), the subject (40401), the version (40402), or the
 * schema under the subject (lookup of an unregistered schema while auto-registration is off).
 */
public final class SchemaNotFoundException extends PermanentSerdeException {
  private final String subject;
  private final int schemaId;
  private final int errorCode;

  SchemaNotFoundException(String message, String subject, int schemaId, int errorCode) {
    super(message, null);
    this.subject = subject;
    this.schemaId = schemaId;
    this.errorCode = errorCode;
  }

  /** The subject asked about, or {@code null} for a lookup by id. */
  public String subject() {
    return subject;
  }

  /** The id asked about, or -1 for a lookup by subject. */
  public int schemaId() {
    return schemaId;
  }

  /** The registry's error code, e.g. 40403. */
  public int errorCode() {
    return errorCode;
  }
}

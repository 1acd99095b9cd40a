/**
 * The one reading layer for tables people hand the system (CSV and XLSX): the regional agent's import and drop
 * folder, the hub's plan import and the financial-system extracts all read cells through it, so the edge and the hub
 * read the same cell the same way.
 *
 * <ul>
 *   <li>{@link org.poahub.tables.TableReader} opens a file ({@link org.poahub.tables.TableOptions}: declared charset,
 *       {@link org.poahub.tables.NumberStyle}, {@link org.poahub.tables.TableLimits}) into a
 *       {@link org.poahub.tables.Table} of {@link org.poahub.tables.TableRow}s, or throws
 *       {@link org.poahub.tables.TableException} with Spanish {@link org.poahub.tables.TableError}s.</li>
 *   <li>{@link org.poahub.tables.Columns} finds header titles with or without accents and case.</li>
 *   <li>{@link org.poahub.tables.CellReader} reads typed cells (exact decimals, dates, integers), collecting every
 *       problem of the file; {@link org.poahub.tables.Decimals} and {@link org.poahub.tables.Dates} are the rules.</li>
 * </ul>
 * Pure Java: no Spring, no Camel. User-facing messages are Spanish; technical detail travels separately.
 */
package org.poahub.tables;

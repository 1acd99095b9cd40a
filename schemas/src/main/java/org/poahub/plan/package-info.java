/**
 * The national annual operations plan (POA, <i>Programa de Operaciones Anual</i>) as plain Java records:
 * fiscal year → entity → objectives → short-term actions (<i>acciones de corto plazo</i>) → operations
 * (<i>operaciones</i>) with their target (<i>meta</i>) and budget lines (<i>partida</i> + funding column).
 * <p>
 * Also the two catalogues the plan is checked against, both loaded from data files (never hard-coded):
 * {@link org.poahub.plan.ObjectOfExpenditureClassifier} and {@link org.poahub.plan.RegionCatalogue}.
 * No Spring, no Camel: the regional agent and the hub use the same model.
 */
package org.poahub.plan;

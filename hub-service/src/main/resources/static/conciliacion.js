// The reconciliation of SIGEP with the regions (docs/finance.md, "Reconciliation"; docs/dashboard.md): as of which
// extracts and time, totals per line status and per voucher finding, the lines with filters, the voucher findings,
// the workbook, and "Recalcular ahora" for planners and administrators. The hub scopes everything to a REGIONAL
// user's region and decides who may recompute; this page only shows what it is given. Every text from the API goes
// through textContent, never innerHTML.
'use strict';

const ESTADOS_LINEA = {
  CONCILIADO: 'Conciliado',
  DIFERENCIA: 'Diferencia',
  SOLO_EN_SIGEP: 'Solo en SIGEP',
  SOLO_EN_REGIONALES: 'Solo en regionales',
};
const HALLAZGOS = {
  CONCILIADO: 'Conciliado',
  SOLO_EN_SIGEP: 'Solo en SIGEP',
  SOLO_EN_REGIONALES: 'Solo en regionales',
  DIFERENCIA_IMPORTE: 'Diferencia de importe',
  DIFERENCIA_FECHA: 'Diferencia de fecha',
  RECLAMADO_DOS_VECES: 'Reclamado dos veces',
  REVERTIDO_SOLO_EN_SIGEP: 'Revertido solo en SIGEP',
};
const RECALCULAN = ['PLANIFICADOR', 'ADMIN'];

const dineroFmt = new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const $c = (selector) => document.querySelector(selector);
const vacio = (v) => v === null || v === undefined;
const dinero = (v) => (vacio(v) ? null : dineroFmt.format(v));
const porcentaje = (v) => (vacio(v) ? null : dineroFmt.format(v) + ' %');
const fechaHora = (iso) => (iso ? new Date(iso).toLocaleString('es-BO') : null);
/** ISO date (2020-06-30) as people write it here (30/06/2020). */
const fecha = (iso) => (iso ? iso.split('-').reverse().join('/') : null);

let sesion = null;
/** The run the page shows: a refresh that finds another run reloads lines and findings too. */
let corridaMostrada = null;
/** Numbers the requests for lines and for findings: only the latest one's answer is shown (filters change fast). */
const pedidos = {lineas: 0, comprobantes: 0};

function celda(text, className) {
  const td = document.createElement('td');
  td.textContent = vacio(text) || text === '' ? '—' : String(text);
  if (className) {
    td.className = className;
  }
  return td;
}

function encabezado(text) {
  const th = document.createElement('th');
  th.textContent = text;
  return th;
}

function fila(cells, className) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  if (className) {
    tr.className = className;
  }
  return tr;
}

function filaVacia(columnas, texto) {
  const td = celda(texto, 'tenue');
  td.colSpan = columnas;
  return fila([td]);
}

function opcion(value, text) {
  const option = document.createElement('option');
  option.value = value;
  option.textContent = text;
  return option;
}

function mostrar(error, aviso) {
  $c('#error').textContent = error || '';
  $c('#error').hidden = !error;
  $c('#aviso').textContent = aviso || '';
  $c('#aviso').hidden = !aviso;
}

async function detalle(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `Error ${response.status}`;
  } catch (ignored) {
    return `Error ${response.status}`;
  }
}

/** GET of the API: the JSON, or null on 404 (no reconciliation yet); an error carries the Spanish detail. */
async function leer(path) {
  const response = await hubFetch(path);
  if (response.status === 404) {
    const error = new Error(await detalle(response));
    error.sinConciliacion = true;
    throw error;
  }
  if (!response.ok) {
    throw new Error(await detalle(response));
  }
  return response.json();
}

const gestion = () => $c('#gestion').value;

// ---- summary ----------------------------------------------------------------------------------------------------

function extracto(ref, nombre) {
  if (!ref) {
    return `Extracto de ${nombre}: ninguno cargado para este corte (ese lado no se concilia).`;
  }
  return `Extracto de ${nombre}: Nº ${ref.id}, versión ${ref.version}, corte ${fecha(ref.cutOff)}, `
    + `cargado el ${fechaHora(ref.loadedAt)}.`;
}

function mostrarResumen(s) {
  $c('#alcance').textContent = s.region
    ? `Cifras de la regional ${s.region} únicamente.`
    : 'Cifras de todas las regionales (nacional).';
  $c('#corte').textContent = `Conciliación al corte del ${fecha(s.cutOff)} (gestión ${s.fiscalYear}), `
    + `corrida Nº ${s.runId}.`;
  $c('#extracto-ejecucion').textContent = extracto(s.executionExtract, 'ejecución');
  $c('#extracto-comprobantes').textContent = extracto(s.voucherExtract, 'comprobantes');
  $c('#calculada').textContent = `Calculada el ${fechaHora(s.computedAt)} (motivo: ${s.trigger}); `
    + `tolerancia Bs ${dinero(s.tolerance)}.`;
  $c('#informes').textContent = `Informes regionales de gasto considerados: ${s.reportsCounted ?? '—'}`
    + (s.reportsAsOf ? `, el último recibido el ${fechaHora(s.reportsAsOf)}.` : '.');

  const filas = s.lines.map((t) => {
    const nombre = celda(ESTADOS_LINEA[t.status] || t.status);
    const tr = fila([nombre, celda(t.count, 'num'), celda(dinero(t.sigep), 'num'), celda(dinero(t.regional), 'num'),
      celda(dinero(t.difference), 'num')], t.count > 0 && t.status !== 'CONCILIADO' ? 'con-diferencia' : null);
    tr.dataset.estado = t.status;
    return tr;
  });
  const total = s.linesTotal;
  filas.push(fila([encabezado('Total'), celda(total.count, 'num'), celda(dinero(total.sigep), 'num'),
    celda(dinero(total.regional), 'num'), celda(dinero(total.difference), 'num')], 'total'));
  $c('#estados tbody').replaceChildren(...filas);

  const ajustes = s.sigepAdjustments || [];
  $c('#ajustes').textContent = ajustes.length
    ? 'Diferencias propias del SIGEP (total de programa distinto de la suma de sus líneas; no se concilian): '
      + ajustes.map((a) => `programa ${a.programa} (DA ${a.da}, UE ${a.ue}) Bs ${dinero(a.devengado)}`).join('; ')
      + `; total Bs ${dinero(s.sigepAdjustmentsTotal)}.`
    : '';

  const hallazgos = s.vouchers.map((f) => {
    const tr = fila([celda(HALLAZGOS[f.finding] || f.finding), celda(f.count, 'num'), celda(dinero(f.sigep), 'num'),
      celda(dinero(f.regional), 'num')], f.count > 0 && f.finding !== 'CONCILIADO' ? 'con-diferencia' : null);
    tr.dataset.hallazgo = f.finding;
    return tr;
  });
  hallazgos.push(fila([encabezado('Total de hallazgos'), celda(s.findingsTotal, 'num'), celda(null), celda(null)],
    'total'));
  $c('#hallazgos tbody').replaceChildren(...hallazgos);
}

// ---- lines and findings -------------------------------------------------------------------------------------------

function filtrosLineas() {
  const params = new URLSearchParams();
  [['region', '#f-region'], ['status', '#f-estado'], ['operation', '#f-operacion'], ['partida', '#f-partida']]
    .forEach(([name, id]) => {
      const value = $c(id).value.trim();
      if (value) {
        params.set(name, value);
      }
    });
  return params;
}

async function cargarLineas() {
  const year = gestion();
  const params = filtrosLineas();
  const pedido = ++pedidos.lineas;
  let lineas;
  try {
    lineas = await leer(`api/finance/reconciliation/${year}/lines${params.toString() ? '?' + params : ''}`);
  } catch (error) {
    mostrar(`No se pudieron leer las líneas: ${error.message}`);
    return;
  }
  if (pedido !== pedidos.lineas) {
    return; // a newer request (other filters) answers for the table
  }
  $c('#lineas-total').textContent = `${lineas.length} línea(s)`
    + (params.toString() ? ' con los filtros elegidos.' : '.');
  $c('#lineas tbody').replaceChildren(...(lineas.length ? lineas.map((l) => {
    const categoria = l.category || 'sin categoría';
    const tr = fila([celda(categoria), celda((l.operations && l.operations.length ? l.operations
      : [l.operationCode]).filter((o) => o).join(', ')), celda(l.partida),
    celda(l.fuente ? `${l.fuente}-${l.organismo} (${l.fundingColumn || 'sin columna'})` : l.fundingColumn),
    celda(l.regionCode || 'Nacional'), celda(dinero(l.sigepDevengado), 'num'), celda(dinero(l.regionalSpent), 'num'),
    celda(dinero(l.difference), 'num'), celda(porcentaje(l.differencePercent), 'num'),
    celda(ESTADOS_LINEA[l.status] || l.status)], l.status !== 'CONCILIADO' ? 'con-diferencia' : null);
    tr.dataset.estado = l.status;
    return tr;
  }) : [filaVacia(10, 'Ninguna línea con esos filtros.')]));
}

async function cargarComprobantes() {
  const year = gestion();
  const hallazgo = $c('#f-hallazgo').value;
  const pedido = ++pedidos.comprobantes;
  let hallazgos;
  try {
    hallazgos = await leer(`api/finance/reconciliation/${year}/vouchers${hallazgo ? '?finding=' + encodeURIComponent(hallazgo) : ''}`);
  } catch (error) {
    mostrar(`No se pudieron leer los comprobantes: ${error.message}`);
    return;
  }
  if (pedido !== pedidos.comprobantes) {
    return;
  }
  $c('#comprobantes tbody').replaceChildren(...(hallazgos.length ? hallazgos.map((f) => {
    const tr = fila([celda(f.number), celda(HALLAZGOS[f.finding] || f.finding), celda(f.regionCode),
      celda(dinero(f.sigepAmount), 'num'), celda(dinero(f.regionalAmount), 'num'), celda(fecha(f.sigepDate)),
      celda(fecha(f.regionalDate)), celda(f.detail)], f.finding !== 'CONCILIADO' ? 'con-diferencia' : null);
    tr.dataset.hallazgo = f.finding;
    return tr;
  }) : [filaVacia(8, 'Ningún comprobante con ese hallazgo.')]));
}

/** The region filter: a REGIONAL user has only its own (the hub refuses any other); national users every region seen. */
async function opcionesRegion() {
  const year = gestion();
  const select = $c('#f-region');
  if (sesion.region) {
    select.replaceChildren(opcion(sesion.region, sesion.region));
    select.disabled = true;
    return;
  }
  const elegida = select.value;
  let lineas = [];
  try {
    lineas = await leer(`api/finance/reconciliation/${year}/lines`);
  } catch (ignored) {
    // the lines' own load reports the error
  }
  const regiones = [...new Set(lineas.map((l) => l.regionCode).filter((r) => r))].sort();
  select.replaceChildren(opcion('', 'Todas'), ...regiones.map((r) => opcion(r, r)));
  select.value = regiones.includes(elegida) ? elegida : '';
}

// ---- the page -----------------------------------------------------------------------------------------------------

async function cargar() {
  const year = gestion();
  if (!gestion()) {
    return;
  }
  $c('#descargar').href = `api/finance/reconciliation/${year}.xlsx`;
  let resumen;
  try {
    resumen = await leer(`api/finance/reconciliation/${year}`);
  } catch (error) {
    $c('#conciliacion').hidden = true;
    $c('#descargar').hidden = true;
    corridaMostrada = null;
    if (error.sinConciliacion) {
      mostrar(null, error.message);
    } else {
      mostrar(`No se pudo leer la conciliación de la gestión ${year}: ${error.message}`);
    }
    return;
  }
  $c('#conciliacion').hidden = false;
  $c('#descargar').hidden = false;
  mostrarResumen(resumen);
  if (corridaMostrada !== resumen.runId) {
    corridaMostrada = resumen.runId;
    await opcionesRegion();
    await Promise.all([cargarLineas(), cargarComprobantes()]);
  }
}

async function recalcular() {
  const year = gestion();
  const boton = $c('#recalcular');
  boton.disabled = true;
  try {
    const response = await hubFetch(`api/finance/reconciliation/${year}`, {method: 'POST'});
    if (!response.ok) {
      mostrar(await detalle(response), null);
      return;
    }
    const resumen = await response.json();
    corridaMostrada = null;
    await cargar();
    mostrar(null, `Conciliación recalculada: corrida Nº ${resumen.runId} al corte del ${fecha(resumen.cutOff)}.`);
  } finally {
    boton.disabled = false;
  }
}

async function iniciar() {
  sesion = await iniciarSesion();
  if (!sesion) {
    return;
  }
  $c('#recalcular').hidden = !RECALCULAN.includes(sesion.role);
  $c('#f-estado').replaceChildren(opcion('', 'Todos'),
    ...Object.entries(ESTADOS_LINEA).map(([value, text]) => opcion(value, text)));
  $c('#f-hallazgo').replaceChildren(opcion('', 'Todos'),
    ...Object.entries(HALLAZGOS).map(([value, text]) => opcion(value, text)));
  try {
    const plans = await leer('api/plans');
    const years = plans.fiscalYears.slice().sort().reverse();
    $c('#gestion').replaceChildren(...years.map((y) => opcion(y, y)));
    if (!years.length) {
      mostrar('Todavía no hay ningún plan cargado.');
      return;
    }
  } catch (error) {
    mostrar(`No se pudo leer la lista de planes: ${error.message}`);
    return;
  }
  $c('#gestion').addEventListener('change', () => {
    corridaMostrada = null;
    mostrar(null, null);
    cargar();
  });
  $c('#filtros-lineas').addEventListener('submit', (event) => {
    event.preventDefault();
    cargarLineas();
  });
  $c('#limpiar').addEventListener('click', () => {
    $c('#filtros-lineas').reset();
    if (sesion.region) {
      $c('#f-region').value = sesion.region;
    }
    cargarLineas();
  });
  $c('#f-hallazgo').addEventListener('change', cargarComprobantes);
  $c('#recalcular').addEventListener('click', recalcular);
  await cargar();
  setInterval(cargar, 15000);
}

iniciar();

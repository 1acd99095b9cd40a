// The review of periods (docs/review.md): the periods × regions grid of a fiscal year with each cell's state, and the
// detail of one region's period (completeness, late data, figures as approved beside current, history) with the
// transitions the hub says the signed-in user may ask for. The hub checks every transition again (role, region,
// state, version); a refusal shows its Spanish detail. A REGIONAL user gets only its own region from the API.
// Every text from the API goes through textContent, never innerHTML.
'use strict';

const REFRESH_MS = 15000;
const ESTADOS = {
  ABIERTO: 'Abierto',
  PRESENTADO: 'Presentado',
  OBSERVADO: 'Observado',
  APROBADO: 'Aprobado',
  PENDIENTE_REAPROBACION: 'Pendiente de reaprobación',
  EN_REVISION: 'En revisión',
};
const TIPOS = {PROGRESS: 'Avance', EXPENDITURE: 'Gasto'};
const MESES = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];

const numero = new Intl.NumberFormat('es-BO', {maximumFractionDigits: 4});
const dinero = new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const $r = (selector) => document.querySelector(selector);

/** The period and region shown in the detail, and the version the user was shown (sent with a transition). */
let abierto = null;

const vacio = (v) => v === null || v === undefined;
const fmtNumero = (v) => (vacio(v) ? null : numero.format(v));
const fmtDinero = (v) => (vacio(v) ? null : dinero.format(v));
const fmtPorcentaje = (v) => (vacio(v) ? null : dinero.format(v) + ' %');
const fmtFechaHora = (iso) => (iso ? new Date(iso).toLocaleString('es-BO') : null);
const conSigno = (v) => (Number(v) > 0 ? '+' : '') + dinero.format(v);

function celda(text, className) {
  const td = document.createElement('td');
  td.textContent = vacio(text) ? '—' : String(text);
  if (className) {
    td.className = className;
  }
  return td;
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

function mostrar(error, aviso) {
  $r('#error').textContent = error || '';
  $r('#error').hidden = !error;
  $r('#aviso').textContent = aviso || '';
  $r('#aviso').hidden = !aviso;
}

/** GET of the API; an error carries the problem's Spanish detail. */
async function leer(path) {
  const response = await hubFetch(path);
  if (!response.ok) {
    throw new Error(await detalle(response));
  }
  return response.json();
}

async function detalle(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `Error ${response.status}`;
  } catch (ignored) {
    return `Error ${response.status}`;
  }
}

function nombrePeriodo(clave) {
  const mes = /^\d{4}-(\d{2})$/.exec(clave);
  return mes ? MESES[Number(mes[1]) - 1] : clave;
}

function etiquetaEstado(span, estado, conOperaciones) {
  const clave = conOperaciones === false ? 'SIN_OPERACIONES' : estado;
  span.className = 'estado-periodo ' + clave;
  span.textContent = conOperaciones === false ? 'Sin operaciones' : (ESTADOS[estado] || estado);
}

// ---- grid -------------------------------------------------------------------------------------------------------

async function cargarGrilla() {
  const year = $r('#gestion').value;
  if (!year) {
    return;
  }
  let grid;
  try {
    grid = await leer(`api/review/${year}`);
  } catch (error) {
    mostrar(`No se pudo leer la revisión de la gestión ${year}: ${error.message}`);
    return;
  }
  $r('#granularidad').textContent = grid.granularity === 'QUARTER' ? 'Períodos trimestrales' : 'Períodos mensuales';
  const head = fila([document.createElement('th')]);
  head.firstChild.textContent = 'Regional';
  grid.periods.forEach((p) => {
    const th = document.createElement('th');
    th.textContent = nombrePeriodo(p.period);
    th.title = `${p.period}: ${p.start} a ${p.end}`;
    head.append(th);
  });
  $r('#grilla thead').replaceChildren(head);

  const regiones = grid.periods.length ? grid.periods[0].regions : [];
  const filas = regiones.map((region, i) => {
    const th = document.createElement('th');
    th.textContent = `${region.regionCode} ${region.regionName}`;
    const tr = fila([th]);
    grid.periods.forEach((p) => {
      const c = p.regions[i];
      const td = document.createElement('td');
      td.dataset.periodo = p.period;
      td.dataset.regional = c.regionCode;
      td.dataset.estado = c.state;
      td.dataset.version = c.version;
      const boton = document.createElement('button');
      boton.type = 'button';
      boton.title = `${c.regionCode} ${p.period}`;
      etiquetaEstado(boton, c.state, c.withOperations);
      boton.classList.add('celda');
      boton.addEventListener('click', () => abrir(p.period, c.regionCode));
      td.append(boton);
      if (abierto && abierto.period === p.period && abierto.region === c.regionCode) {
        td.classList.add('elegida');
        if (c.version !== abierto.version) {
          mostrar(null, `El período ${c.regionCode} ${p.period} cambió desde que lo abrió (ahora está `
            + `${ESTADOS[c.state] || c.state}). Púlselo para ver su estado actual.`);
        }
      }
      tr.append(td);
    });
    return tr;
  });
  const nacional = document.createElement('th');
  nacional.textContent = 'Nacional';
  const filaNacional = fila([nacional], 'nacional');
  grid.periods.forEach((p) => {
    const td = document.createElement('td');
    const span = document.createElement('span');
    etiquetaEstado(span, p.nationalState, true);
    if (p.nationalApprovedAt) {
      span.title = `Aprobado el ${fmtFechaHora(p.nationalApprovedAt)}`;
    }
    td.append(span);
    filaNacional.append(td);
  });
  $r('#grilla tbody').replaceChildren(...filas, filaNacional);
}

// ---- detail -----------------------------------------------------------------------------------------------------

async function abrir(period, region) {
  const year = $r('#gestion').value;
  let d;
  try {
    d = await leer(`api/review/${year}/${encodeURIComponent(period)}/${encodeURIComponent(region)}`);
  } catch (error) {
    mostrar(`No se pudo leer el período ${region} ${period}: ${error.message}`);
    return;
  }
  mostrar(null, null);
  abierto = {year, period, region, version: d.version};
  document.querySelectorAll('#grilla td.elegida').forEach((td) => td.classList.remove('elegida'));
  const td = document.querySelector(`#grilla td[data-periodo="${period}"][data-regional="${region}"]`);
  if (td) {
    td.classList.add('elegida');
  }
  mostrarDetalle(d);
}

function mostrarDetalle(d) {
  $r('#detalle').hidden = false;
  $r('#detalle').dataset.estado = d.state;
  $r('#detalle-titulo').textContent = `${d.regionName} (${d.regionCode}), período ${d.period} (${d.start} a ${d.end})`;
  etiquetaEstado($r('#detalle-estado'), d.state, d.withOperations || d.state !== 'ABIERTO');
  $r('#detalle-cambio').textContent = d.changedBy
    ? `versión ${d.version}; último cambio de ${d.changedBy} el ${fmtFechaHora(d.changedAt)}`
    : `versión ${d.version}; la regional aún no lo presentó`;
  $r('#detalle-comentario').textContent = d.lastComment ? `Comentario: ${d.lastComment}` : '';
  $r('#detalle-comentario').hidden = !d.lastComment;

  const permitidas = d.allowedActions || [];
  $r('#presentar').hidden = !permitidas.includes('present');
  $r('#aprobar').hidden = !permitidas.includes('approve');
  $r('#observar').hidden = !permitidas.includes('observe');
  $r('#observacion-zona').hidden = !permitidas.includes('observe');
  $r('#acciones').hidden = permitidas.length === 0;

  mostrarCompletitud(d.completeness);
  mostrarTardios(d.lateReports, d.figures);
  mostrarCifras(d.figures);
  $r('#historial tbody').replaceChildren(...(d.transitions.length
    ? d.transitions.map((t) => fila([celda(fmtFechaHora(t.actedAt)), celda(ESTADOS[t.fromState] || t.fromState),
      celda(ESTADOS[t.toState] || t.toState), celda(t.actor), celda(t.comment)]))
    : [filaVacia(5, 'Sin cambios todavía.')]));
}

function mostrarCompletitud(c) {
  const faltas = [];
  if (c.sequenceGaps.length) {
    faltas.push(`${c.sequenceGaps.length} agente(s) con secuencias faltantes`);
  }
  if (c.rejections.length) {
    faltas.push(`${c.rejections.length} informe(s) rechazado(s) en el período`);
  }
  const completo = !c.sequenceGaps.length && !c.rejections.length;
  $r('#completitud-resumen').textContent = (completo
    ? 'Completo: sin secuencias faltantes ni informes rechazados.'
    : 'Incompleto: ' + faltas.join('; ') + '.')
    + ` Alertas de la consolidación: ${c.alerts.length}.`;
  $r('#completitud-resumen').className = completo ? 'completo' : 'incompleto';
  $r('#huecos tbody').replaceChildren(...(c.sequenceGaps.length
    ? c.sequenceGaps.map((g) => fila([celda(g.agentId), celda(g.highestSequence, 'num'), celda(g.missing, 'num'),
      celda(g.firstMissing.join(', '))]))
    : [filaVacia(4, 'Ninguna.')]));
  $r('#rechazos tbody').replaceChildren(...(c.rejections.length
    ? c.rejections.map((r) => fila([celda(fmtFechaHora(r.rejectedAt)), celda(r.code), celda(r.field),
      celda(r.message)]))
    : [filaVacia(4, 'Ninguno.')]));
  $r('#alertas-periodo tbody').replaceChildren(...(c.alerts.length
    ? c.alerts.map((a) => fila([celda(a.operationCode), celda(a.code), celda(a.message)]))
    : [filaVacia(3, 'Ninguna.')]));
}

function mostrarTardios(tardios, figures) {
  $r('#tardios tbody').replaceChildren(...(tardios.length
    ? tardios.map((t) => fila([celda(fmtFechaHora(t.receivedAt)), celda(TIPOS[t.kind] || t.kind),
      celda(t.operationCode), celda(t.reportDate), celda(fmtNumero(t.achievedValue), 'num'),
      celda(fmtDinero(t.amount), 'num'), celda(t.correctsOrReverses)], 'tardio'))
    : [filaVacia(7, figures.asApproved ? 'Ninguno desde la última aprobación.' : 'El período aún no fue aprobado.')]));
  const dif = figures.difference;
  if (!dif) {
    $r('#diferencia').textContent = '';
    return;
  }
  const cambios = dif.operations.map((o) => `${o.code}: valor acumulado ${fmtNumero(o.cumulativeValueBefore) || '—'}`
    + ` → ${fmtNumero(o.cumulativeValueNow) || '—'}, gasto ${fmtDinero(o.spentBefore) || '—'}`
    + ` → ${fmtDinero(o.spentNow) || '—'} Bs`);
  $r('#diferencia').textContent = Number(dif.spent) === 0 && !cambios.length
    ? 'Sin diferencia con lo aprobado.'
    : `Diferencia con lo aprobado: gasto ${conSigno(dif.spent)} Bs`
      + (cambios.length ? '; ' + cambios.join('; ') : '') + '.';
}

function mostrarCifras(figures) {
  const actual = figures.current;
  const aprobado = figures.asApproved;
  $r('#cifras-nota').textContent = (aprobado
    ? `Aprobadas: cifras al ${aprobado.asOf} (plan versión ${aprobado.planVersion}). `
    : 'El período aún no tiene cifras aprobadas. ')
    + `Actuales: cifras al ${actual.asOf} calculadas ahora.`;
  const antes = new Map((aprobado ? aprobado.operations : []).map((o) => [o.code, o]));
  const cambiadas = new Set((figures.difference ? figures.difference.operations : []).map((o) => o.code));
  const codigos = [...new Set([...actual.operations.map((o) => o.code), ...antes.keys()])].sort();
  const ahora = new Map(actual.operations.map((o) => [o.code, o]));
  const filas = codigos.map((code) => {
    const a = antes.get(code) || {};
    const n = ahora.get(code) || {};
    return fila([celda(`${code} ${n.name || a.name || ''}`.trim()),
      celda(fmtNumero(a.cumulativeValue), 'num'), celda(fmtNumero(n.cumulativeValue), 'num'),
      celda(fmtPorcentaje(a.physicalProgress), 'num'), celda(fmtPorcentaje(n.physicalProgress), 'num'),
      celda(fmtDinero(a.spent), 'num'), celda(fmtDinero(n.spent), 'num')],
    cambiadas.has(code) ? 'cambiada' : null);
  });
  const total = document.createElement('th');
  total.textContent = 'Gasto total de la regional';
  total.colSpan = 5;
  filas.push(fila([total, celda(aprobado ? fmtDinero(aprobado.spent) : null, 'num'), celda(fmtDinero(actual.spent), 'num')],
    'total'));
  $r('#cifras tbody').replaceChildren(...filas);
}

// ---- transitions ------------------------------------------------------------------------------------------------

async function transicion(accion, comentario, aviso) {
  if (!abierto) {
    return;
  }
  const {year, period, region, version} = abierto;
  const response = await hubFetch(
    `api/review/${year}/${encodeURIComponent(period)}/${encodeURIComponent(region)}/${accion}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({version, comment: comentario || null}),
    });
  if (!response.ok) {
    mostrar(await detalle(response), null);
    return;
  }
  const result = await response.json();
  abierto.version = result.version;
  $r('#observacion').value = '';
  await cargarGrilla();
  await abrir(period, region);
  mostrar(null, aviso + (result.nationalApproved ? ` Con esta aprobación el período ${period} queda aprobado a`
    + ' nivel nacional.' : ''));
}

async function iniciar() {
  if (!await iniciarSesion()) {
    return;
  }
  try {
    const plans = await leer('api/plans');
    const years = plans.fiscalYears.slice().sort().reverse();
    $r('#gestion').replaceChildren(...years.map((y) => {
      const option = document.createElement('option');
      option.value = y;
      option.textContent = y;
      return option;
    }));
    if (!years.length) {
      mostrar('Todavía no hay ningún plan cargado.');
      return;
    }
  } catch (error) {
    mostrar(`No se pudo leer la lista de planes: ${error.message}`);
    return;
  }
  $r('#gestion').addEventListener('change', () => {
    abierto = null;
    $r('#detalle').hidden = true;
    mostrar(null, null);
    cargarGrilla();
  });
  $r('#presentar').addEventListener('click', () => transicion('present', null,
    'Período presentado: queda en revisión del analista.'));
  $r('#aprobar').addEventListener('click', () => transicion('approve', null,
    'Período aprobado: sus cifras quedan congeladas.'));
  $r('#observar').addEventListener('click', () => {
    const comentario = $r('#observacion').value.trim();
    if (!comentario) {
      mostrar('Escriba la observación: qué debe corregir la regional.', null);
      $r('#observacion').focus();
      return;
    }
    transicion('observe', comentario, 'Período observado: vuelve a la regional con su comentario.');
  });
  await cargarGrilla();
  setInterval(cargarGrilla, REFRESH_MS);
}

iniciar();

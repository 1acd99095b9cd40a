// Dashboard for central staff: reads the hub's JSON API within the browser's login session (sesion.js: user, logout,
// CSRF header on state-changing requests).
// Plain DOM, no framework and no build step: the IT unit serves it as a static file. Every text that comes from the
// API goes through textContent, never innerHTML (rejection messages can quote what a region sent).
'use strict';

const money = new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const percent = new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const REFRESH_MS = 15000;

const $ = (selector) => document.querySelector(selector);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '—' : String(text);
  if (className) {
    td.className = className;
  }
  return td;
}

function row(cells, className) {
  const tr = document.createElement('tr');
  cells.forEach((c) => tr.appendChild(c));
  if (className) {
    tr.className = className;
  }
  return tr;
}

const fmtMoney = (value) => (value === null || value === undefined ? null : money.format(value));
const fmtPercent = (value) => (value === null || value === undefined ? null : percent.format(value) + ' %');
const fmtDateTime = (iso) => (iso ? new Date(iso).toLocaleString('es-BO') : null);

async function getJson(path) {
  const response = await hubFetch(path);
  if (!response.ok) {
    let detail = '';
    try {
      const body = await response.json();
      detail = body.message || body.detail || '';
    } catch (ignored) {
      // not JSON: the status line says enough
    }
    throw new Error(`${path}: ${response.status} ${detail}`.trim());
  }
  return response.json();
}

function query() {
  const asOf = $('#al').value;
  return asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
}

function progressCells(progress) {
  const p = progress || {};
  return [
    cell(fmtPercent(p.physicalProgress), 'num'),
    cell(fmtPercent(p.plannedProgress), 'num'),
    cell(p.variance === null || p.variance === undefined ? null : percent.format(p.variance), 'num'),
    cell(p.statusLabel, 'estado ' + (p.status || '')),
  ];
}

function moneyCells(m) {
  const v = m || {};
  return [cell(fmtMoney(v.budget), 'num'), cell(fmtMoney(v.spent), 'num'), cell(fmtPercent(v.executionPercent), 'num')];
}

function card(title, value, note) {
  const div = document.createElement('div');
  div.className = 'tarjeta';
  const h = document.createElement('h3');
  h.textContent = title;
  const strong = document.createElement('strong');
  strong.textContent = value === null || value === undefined ? '—' : value;
  div.append(h, strong);
  if (note) {
    const small = document.createElement('small');
    small.textContent = note;
    div.appendChild(small);
  }
  return div;
}

function renderSummary(s) {
  $('#entidad').textContent = `— ${s.entityAcronym || s.entityCode} ${s.fiscalYear} (versión ${s.planVersion})`;
  const p = s.progress || {};
  const m = s.money || {};
  const r = s.reports || {};
  $('#resumen').replaceChildren(
      card('Avance físico', fmtPercent(p.physicalProgress), `programado ${fmtPercent(p.plannedProgress) || '—'}`),
      card('Estado', p.statusLabel, `desvío ${p.variance === undefined || p.variance === null ? '—' : percent.format(p.variance)} pp`),
      card('Presupuesto (Bs)', fmtMoney(m.budget)),
      card('Ejecutado (Bs)', fmtMoney(m.spent), `ejecución ${fmtPercent(m.executionPercent) || '—'}`),
      card('Informes', `${r.accepted + r.acceptedWithWarnings} aceptados`,
          `${r.acceptedWithWarnings} con observaciones, ${r.rejected} rechazados`),
      card('Alertas', String(s.alerts)));
}

function renderObjectives(s, year) {
  const body = $('#objetivos tbody');
  body.replaceChildren();
  s.objectives.forEach((objective) => {
    const tr = row([cell(objective.code), cell(objective.name), ...progressCells(objective.progress),
      ...moneyCells(objective.money)], 'objetivo plegable');
    tr.addEventListener('click', () => toggleObjective(tr, year, objective.code));
    body.appendChild(tr);
  });
}

async function toggleObjective(tr, year, code) {
  if (tr.dataset.abierto) {
    tr.parentElement.querySelectorAll(`[data-de="${code}"]`).forEach((child) => child.remove());
    delete tr.dataset.abierto;
    return;
  }
  tr.dataset.abierto = 'si';
  const detail = await getJson(`api/consolidation/${year}/objectives/${encodeURIComponent(code)}${query()}`);
  let after = tr;
  detail.objective.actions.forEach((action) => {
    const actionRow = row([cell(action.code), cell(`${action.name} (ponderación ${action.weight})`),
      ...progressCells(action.progress), ...moneyCells(action.money)], 'accion');
    actionRow.dataset.de = code;
    after.after(actionRow);
    after = actionRow;
    action.operations.forEach((operation) => {
      const opRow = row([cell(operation.code), cell(operation.name), ...progressCells(operation.progress),
        ...moneyCells(operation.money)], 'operacion plegable');
      opRow.dataset.de = code;
      opRow.title = operation.indicator || '';
      opRow.addEventListener('click', (event) => {
        event.stopPropagation();
        toggleRegions(opRow, code, operation);
      });
      after.after(opRow);
      after = opRow;
    });
  });
}

function toggleRegions(opRow, objectiveCode, operation) {
  const key = `${operation.code}-regiones`;
  const open = opRow.parentElement.querySelectorAll(`[data-regiones="${key}"]`);
  if (open.length) {
    open.forEach((r) => r.remove());
    return;
  }
  let after = opRow;
  const regions = operation.regions.length ? operation.regions : [null];
  regions.forEach((region) => {
    const r = region === null
        ? row([cell(''), cell('Sin informes de las regionales todavía'), cell(''), cell(''), cell(''), cell(''),
          cell(''), cell(''), cell('')], 'regional')
        : row([cell(region.regionCode), cell(`${region.regionName}: acumulado ${region.cumulativeValue ?? '—'}`
            + ` (${region.progressReports} informes, hasta ${region.lastPeriodEnd ?? '—'})`),
          cell(fmtPercent(region.physicalProgress), 'num'), cell(''), cell(''), cell(''), cell(''),
          cell(fmtMoney(region.spent), 'num'), cell('')], 'regional');
    r.dataset.de = objectiveCode;
    r.dataset.regiones = key;
    after.after(r);
    after = r;
  });
}

function renderAlerts(a) {
  $('#alertas tbody').replaceChildren(...(a.alerts.length
      ? a.alerts.map((alert) => row([cell(alert.operationCode), cell(alert.code), cell(alert.message)]))
      : [row([cell(''), cell(''), cell('Sin alertas.')])]));
}

function renderExpenditure(e) {
  $('#gasto tbody').replaceChildren(...e.national.map((line) => row([cell(line.objectGroup), cell(line.groupName),
    cell(line.fundingSource), cell(fmtMoney(line.budget), 'num'), cell(fmtMoney(line.spent), 'num'),
    cell(fmtPercent(line.executionPercent), 'num')])));
}

function renderRejected(page) {
  $('#rechazados tbody').replaceChildren(...(page.items.length
      ? page.items.map((item) => row([cell(fmtDateTime(item.reason.rejectedAt)), cell(item.regionCode),
        cell(item.reason.code), cell(item.reason.field), cell(item.reason.message)]))
      : [row([cell(''), cell(''), cell(''), cell(''), cell('Ningún informe rechazado.')])]));
}

function renderAgents(agents) {
  $('#agentes tbody').replaceChildren(...(agents.length
      ? agents.map((agent) => row([cell(agent.agentId), cell(agent.regionCode),
        cell(fmtDateTime(agent.lastReport.receivedAt)), cell(agent.highestContiguousSequence, 'num'),
        cell(agent.missingSequences.length ? agent.missingSequences.join(', ') : 'ninguna'),
        cell(`${Math.round(agent.lag.sinceLastReceivedSeconds)} s`, 'num')]))
      : [row([cell(''), cell(''), cell('Ningún agente ha enviado informes todavía.'), cell(''), cell(''),
        cell('')])]));
}

async function refresh() {
  const year = $('#gestion').value;
  if (!year) {
    return;
  }
  try {
    const [summary, alerts, expenditure, rejected, agents] = await Promise.all([
      getJson(`api/consolidation/${year}/summary${query()}`),
      getJson(`api/consolidation/${year}/alerts${query()}`),
      getJson(`api/consolidation/${year}/expenditure${query()}`),
      getJson('api/rejected-reports?size=20'),
      getJson('api/agents'),
    ]);
    renderSummary(summary);
    // Re-render the objective table only when nothing is unfolded, so a refresh does not close what staff opened.
    if (!document.querySelector('#objetivos [data-abierto]')) {
      renderObjectives(summary, year);
    }
    renderAlerts(alerts);
    renderExpenditure(expenditure);
    renderRejected(rejected);
    renderAgents(agents);
    $('#descargar').href = `api/consolidation/${year}/export.xlsx${query()}`;
    $('#actualizado').textContent = `actualizado ${new Date().toLocaleTimeString('es-BO')}`;
    $('#error').hidden = true;
  } catch (error) {
    $('#error').textContent = `No se pudieron leer los datos: ${error.message}`;
    $('#error').hidden = false;
  }
}

async function start() {
  if (!await iniciarSesion()) {
    return;
  }
  try {
    const plans = await getJson('api/plans');
    const years = plans.fiscalYears.slice().sort().reverse();
    $('#gestion').replaceChildren(...years.map((y) => {
      const option = document.createElement('option');
      option.value = y;
      option.textContent = y;
      return option;
    }));
    if (!years.length) {
      $('#error').textContent = 'Todavía no hay ningún plan cargado (POST /api/plans).';
      $('#error').hidden = false;
      return;
    }
  } catch (error) {
    $('#error').textContent = `No se pudo leer la lista de planes: ${error.message}`;
    $('#error').hidden = false;
    return;
  }
  $('#gestion').addEventListener('change', () => {
    $('#objetivos tbody').replaceChildren();
    refresh();
  });
  $('#al').addEventListener('change', () => {
    $('#objetivos tbody').replaceChildren();
    refresh();
  });
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

start();

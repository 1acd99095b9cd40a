// The audit trail (docs/security.md, "Audit trail") for ADMIN and ANALISTA: filtered listing newest first, the Excel
// download with the same filters, and the verification of the hash chain. Read-only: nothing here changes the hub.
// Every text from the API goes through textContent, never innerHTML (a failed login records the name typed).
'use strict';

const PAGE_SIZE = 50;
const ACCIONES = {
  LOGIN_OK: 'Inicio de sesión',
  LOGOUT: 'Cierre de sesión',
  LOGIN_FAILED: 'Inicio de sesión fallido',
  LOGIN_LOCKED: 'Usuario bloqueado por intentos fallidos',
  USER_CREATED: 'Cuenta creada',
  USER_ROLE_CHANGED: 'Rol cambiado',
  USER_PASSWORD_RESET: 'Contraseña cambiada',
  USER_DEACTIVATED: 'Cuenta desactivada',
  USER_ACTIVATED: 'Cuenta activada',
  USER_CONFIGURED: 'Cuenta configurada al iniciar',
  PLAN_IMPORTED: 'Plan importado',
  AUDIT_EXPORTED: 'Auditoría descargada',
  REPORT_EXPORTED: 'Informe descargado',
  PERIOD_PRESENTED: 'Período presentado',
  PERIOD_OBSERVED: 'Período observado',
  PERIOD_APPROVED: 'Período aprobado',
  PERIOD_REOPENED_BY_LATE_DATA: 'Período reabierto por datos tardíos',
  AGENT_PROVISIONED: 'Agente habilitado',
  AGENT_REVOKED: 'Agente revocado',
  FINANCE_EXTRACT_LOADED: 'Extracto financiero cargado',
  FINANCE_MAPPING_LOADED: 'Correspondencia financiera cargada',
};
const $a = (selector) => document.querySelector(selector);

let pagina = 0;

function celda(contenido) {
  const td = document.createElement('td');
  if (contenido instanceof Node) {
    td.append(contenido);
  } else {
    td.textContent = contenido === null || contenido === undefined || contenido === '' ? '—' : String(contenido);
  }
  return td;
}

function error(texto) {
  $a('#error').textContent = texto || '';
  $a('#error').hidden = !texto;
}

/** A state before/after as "key: value" lines (nested values as JSON). */
function estado(valor) {
  const pre = document.createElement('pre');
  pre.className = 'json';
  if (valor === null || valor === undefined || (typeof valor === 'object' && !Object.keys(valor).length)) {
    pre.textContent = '—';
  } else if (typeof valor !== 'object' || Array.isArray(valor)) {
    pre.textContent = JSON.stringify(valor);
  } else {
    pre.textContent = Object.entries(valor)
      .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n');
  }
  return pre;
}

function filtros() {
  const params = new URLSearchParams();
  [['actor', '#actor'], ['action', '#accion'], ['target', '#objeto'], ['from', '#desde'], ['to', '#hasta']]
    .forEach(([nombre, campo]) => {
      const valor = $a(campo).value.trim();
      if (valor) {
        params.set(nombre, valor);
      }
    });
  return params;
}

async function detalle(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `Error ${response.status}`;
  } catch (ignored) {
    return `Error ${response.status}`;
  }
}

async function cargar() {
  const params = filtros();
  const enlace = params.toString();
  $a('#descargar').href = 'api/audit/export.xlsx' + (enlace ? '?' + enlace : '');
  params.set('page', pagina);
  params.set('size', PAGE_SIZE);
  const response = await hubFetch('api/audit?' + params);
  if (!response.ok) {
    error(response.status === 403 ? 'Solo un administrador o un analista puede consultar la auditoría.'
      : await detalle(response));
    $a('#registros tbody').replaceChildren();
    $a('#total').textContent = '';
    return;
  }
  error(null);
  const resultado = await response.json();
  $a('#registros tbody').replaceChildren(...resultado.items.map((e) => {
    const tr = document.createElement('tr');
    tr.dataset.accion = e.action;
    const accion = ACCIONES[e.action] ? `${ACCIONES[e.action]} (${e.action})` : e.action;
    tr.append(celda(e.id), celda(new Date(e.occurredAt).toLocaleString('es-BO')), celda(e.actor), celda(accion),
      celda(e.target), celda(estado(e.before)), celda(estado(e.after)));
    return tr;
  }));
  const desde = resultado.totalItems ? pagina * PAGE_SIZE + 1 : 0;
  const hasta = pagina * PAGE_SIZE + resultado.items.length;
  $a('#total').textContent = `${resultado.totalItems} registro(s); se muestran del ${desde} al ${hasta}, los más `
    + 'recientes primero.';
  $a('#anterior').disabled = pagina === 0;
  $a('#siguiente').disabled = hasta >= resultado.totalItems;
}

async function verificar() {
  $a('#verificacion').textContent = 'Verificando…';
  $a('#verificacion').className = 'tenue';
  const response = await hubFetch('api/audit/verification');
  if (!response.ok) {
    $a('#verificacion').textContent = await detalle(response);
    $a('#verificacion').className = 'rota';
    return;
  }
  const v = await response.json();
  if (v.intact) {
    $a('#verificacion').textContent = `Cadena íntegra: ${v.rowsChecked} fila(s) verificada(s), ninguna alterada.`;
    $a('#verificacion').className = 'intacta';
  } else {
    // reason names the first broken row: "Fila 42: su contenido no corresponde a su hash (fue modificada)."
    $a('#verificacion').textContent = `Cadena rota. ${v.reason}`;
    $a('#verificacion').dataset.fila = v.firstBrokenId;
    $a('#verificacion').className = 'rota';
  }
}

async function iniciar() {
  if (!await iniciarSesion()) {
    return;
  }
  $a('#acciones-conocidas').replaceChildren(...Object.entries(ACCIONES).map(([codigo, texto]) => {
    const option = document.createElement('option');
    option.value = codigo;
    option.label = texto;
    return option;
  }));
  $a('#filtros').addEventListener('submit', (event) => {
    event.preventDefault();
    pagina = 0;
    cargar();
  });
  $a('#limpiar').addEventListener('click', () => {
    $a('#filtros').reset();
    pagina = 0;
    cargar();
  });
  $a('#anterior').addEventListener('click', () => {
    pagina = Math.max(0, pagina - 1);
    cargar();
  });
  $a('#siguiente').addEventListener('click', () => {
    pagina++;
    cargar();
  });
  $a('#verificar').addEventListener('click', verificar);
  await cargar();
}

iniciar();

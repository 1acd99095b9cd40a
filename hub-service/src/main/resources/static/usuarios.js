// The users page (ADMIN): lists accounts, creates one, changes role/region, sets a password, deactivates or
// activates. Every change goes through /api/admin/users with the CSRF header (sesion.js); the hub checks the role.
'use strict';

const ROLES = ['CONSULTA', 'ANALISTA', 'PLANIFICADOR', 'ADMIN', 'REGIONAL', 'AGENTE', 'ESQUEMAS'];
const $u = (selector) => document.querySelector(selector);

function celda(text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '—' : String(text);
  return td;
}

function boton(texto, accion) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = texto;
  b.addEventListener('click', accion);
  return b;
}

function mostrar(error, aviso) {
  $u('#error').textContent = error || '';
  $u('#error').hidden = !error;
  $u('#aviso').textContent = aviso || '';
  $u('#aviso').hidden = !aviso;
}

async function enviar(path, method, body, aviso) {
  const response = await hubFetch(path, {
    method,
    headers: {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let detalle = `${response.status}`;
    try {
      detalle = (await response.json()).detail || detalle;
    } catch (ignored) {
      // the status says enough
    }
    mostrar(detalle, null);
    return false;
  }
  mostrar(null, aviso);
  await cargar();
  return true;
}

async function cargar() {
  const response = await hubFetch('api/admin/users');
  if (!response.ok) {
    mostrar(response.status === 403 ? 'Solo un administrador puede gestionar usuarios.' : `Error ${response.status}`);
    return;
  }
  const cuentas = await response.json();
  $u('#usuarios tbody').replaceChildren(...cuentas.map((c) => {
    const tr = document.createElement('tr');
    const acciones = document.createElement('td');
    const ruta = `api/admin/users/${encodeURIComponent(c.name)}`;
    acciones.append(
      boton('Cambiar rol', () => {
        const rol = window.prompt('Nuevo rol (' + ROLES.join(', ') + '):', c.role);
        if (!rol) {
          return;
        }
        const region = window.prompt('Región (vacío si no corresponde):', c.region || '') || null;
        enviar(`${ruta}/role`, 'PUT', {role: rol.trim().toUpperCase(), region}, `Rol de ${c.name} cambiado.`);
      }),
      boton('Nueva contraseña', () => {
        const clave = window.prompt('Nueva contraseña (al menos 12 caracteres):');
        if (clave) {
          enviar(`${ruta}/password`, 'PUT', {password: clave}, `Contraseña de ${c.name} cambiada.`);
        }
      }),
      c.active
        ? boton('Desactivar', () => enviar(`${ruta}/deactivation`, 'POST', undefined, `${c.name} desactivado.`))
        : boton('Activar', () => enviar(`${ruta}/activation`, 'POST', undefined, `${c.name} activado.`)));
    tr.append(celda(c.name), celda(c.role), celda(c.region), celda(c.active ? 'activo' : 'inactivo'),
      celda(new Date(c.updatedAt).toLocaleString('es-BO')), acciones);
    return tr;
  }));
}

async function iniciar() {
  if (!await iniciarSesion()) {
    return;
  }
  $u('#nuevo-rol').replaceChildren(...ROLES.map((r) => {
    const option = document.createElement('option');
    option.value = r;
    option.textContent = r;
    return option;
  }));
  $u('#nuevo').addEventListener('submit', async (event) => {
    event.preventDefault();
    const creado = await enviar('api/admin/users', 'POST', {
      name: $u('#nuevo-nombre').value.trim(),
      role: $u('#nuevo-rol').value,
      region: $u('#nuevo-region').value.trim() || null,
      password: $u('#nuevo-clave').value,
    }, 'Cuenta creada.');
    if (creado) {
      $u('#nuevo').reset();
    }
  });
  await cargar();
}

iniciar();

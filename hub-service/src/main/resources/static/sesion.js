// Shared by the dashboard pages: who is signed in, logout, and fetch with the CSRF token. The hub keeps the browser
// session in an HttpOnly cookie; state-changing requests must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header
// (Spring Security's double-submit check), which a page on another site cannot read.
'use strict';

function csrfCookie() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** fetch() for the hub's API: same-origin cookies, JSON, CSRF header on anything but GET/HEAD, login on 401. */
async function hubFetch(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = Object.assign({Accept: 'application/json'}, options.headers || {});
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-XSRF-TOKEN'] = csrfCookie();
  }
  const response = await fetch(path, Object.assign({}, options, {method, headers, credentials: 'same-origin'}));
  if (response.status === 401) {
    window.location.href = 'login.html';
  }
  return response;
}

/** Reads the session (this also sets the CSRF cookie) and shows the user and a logout button in #sesion. */
async function iniciarSesion() {
  const response = await hubFetch('api/session');
  const session = await response.json();
  if (!session.authenticated) {
    window.location.href = 'login.html';
    return null;
  }
  const zona = document.getElementById('sesion');
  if (zona) {
    const quien = document.createElement('span');
    quien.className = 'tenue';
    quien.textContent = session.user + ' (' + session.role + (session.region ? ' ' + session.region : '') + ')';
    const salir = document.createElement('button');
    salir.type = 'button';
    salir.id = 'salir';
    salir.textContent = 'Cerrar sesión';
    salir.addEventListener('click', async () => {
      await hubFetch('logout', {method: 'POST'});
      window.location.href = 'login.html?salida';
    });
    zona.replaceChildren(quien, salir);
  }
  return session;
}

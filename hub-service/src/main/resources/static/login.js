// The login page: fetches a CSRF token for the form (the hub refuses a login POST without one) and says in Spanish
// why the previous attempt failed. No inline script: the Content-Security-Policy forbids it.
'use strict';

const MENSAJES = {
  credenciales: 'Usuario o contraseña incorrectos.',
  inactiva: 'La cuenta está desactivada. Consulte con el administrador.',
};

function mensajeBloqueo(segundos) {
  const minutos = Math.max(1, Math.ceil(Number(segundos || 60) / 60));
  return 'Demasiados intentos fallidos de inicio de sesión para este usuario. Inténtelo de nuevo en '
    + minutos + (minutos === 1 ? ' minuto.' : ' minutos.');
}

async function preparar() {
  const params = new URLSearchParams(window.location.search);
  const error = params.get('error');
  if (error) {
    const texto = error === 'bloqueado' ? mensajeBloqueo(params.get('segundos')) : MENSAJES[error];
    document.getElementById('mensaje').textContent = texto || 'No se pudo iniciar sesión.';
    document.getElementById('mensaje').hidden = false;
  }
  document.getElementById('salida').hidden = !params.has('salida');
  const boton = document.getElementById('entrar');
  boton.disabled = true;
  try {
    const response = await fetch('api/session', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    const session = await response.json();
    document.getElementById('csrf').name = session.csrf.parameterName;
    document.getElementById('csrf').value = session.csrf.token;
    boton.disabled = false;
  } catch (e) {
    document.getElementById('mensaje').textContent = 'No se pudo contactar con el hub: ' + e.message;
    document.getElementById('mensaje').hidden = false;
  }
}

preparar();

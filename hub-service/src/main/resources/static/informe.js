// Links to the quarterly report "Informe de seguimiento y evaluación al POA" for the selected year and quarter.
'use strict';

(function informe() {
  const byId = (id) => document.getElementById(id);

  function update() {
    const year = byId('gestion').value;
    const quarter = byId('trimestre').value;
    if (!year) {
      return;
    }
    const base = `api/reports/${year}/seguimiento?trimestre=${quarter}`;
    byId('informe-pdf').href = `${base}&formato=pdf`;
    byId('informe-xlsx').href = `${base}&formato=xlsx`;
  }

  byId('gestion').addEventListener('change', update);
  byId('trimestre').addEventListener('change', update);
  new MutationObserver(update).observe(byId('gestion'), {childList: true});
  update();
}());

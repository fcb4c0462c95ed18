// Prints the size of every built JavaScript and CSS file, raw and gzipped, and checks the initial load budget:
// the scripts index.html loads at once (entry and its static imports) must stay within 300 KB gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const assets = join(dist, 'assets');
const BUDGET = 300 * 1024;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
const sizes = new Map(files.map((f) => {
  const bytes = readFileSync(join(assets, f));
  return [f, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }];
}));

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/admin\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);

console.log('Console bundle (raw, gzipped):');
for (const [file, s] of [...sizes].sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`  ${kb(s.raw)} ${kb(s.gzip)}  ${file}${initial.includes(file) ? '  (initial)' : ''}`);
}
const initialGzip = initial.reduce((sum, f) => sum + (sizes.get(f)?.gzip ?? 0), 0);
console.log(`Initial JavaScript: ${kb(initialGzip).trim()} gzipped (budget ${BUDGET / 1024} KB)`);
if (initialGzip > BUDGET) {
  console.error('Initial JavaScript is over budget: load more of the console lazily.');
  process.exit(1);
}

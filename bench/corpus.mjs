// A corpus of real-shaped reports for the benchmarks: the published samples,
// each file with its own agency name, and one file in ten damaged the way
// reports are (a hundred and more findings: table 3 left blank but its
// totals, or totals that do not add up). Deterministic: file i is always the
// same file.
//
//   node bench/corpus.mjs DIR N     writes N files into DIR
//   import { makeCorpus } from './corpus.mjs'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];

/** Every leaf object of table 3 (a row of seven cells). */
function rows(node, out = []) {
  if (node && typeof node === 'object') {
    if ('total' in node && typeof node.total !== 'object') out.push(node);
    else for (const value of Object.values(node)) rows(value, out);
  }
  return out;
}

/** File i of the corpus, as the text written to disk. */
export function report(i, docs = loadSamples()) {
  const doc = structuredClone(docs[i % docs.length]);
  doc.agency = `${doc.agency}（测试 ${i}）`;
  if (i % 10 === 7) {
    // Table 3 typed in with only its totals: every other cell blank.
    for (const row of rows(doc.applications)) for (const key of Object.keys(row)) if (key !== 'total') row[key] = null;
  } else if (i % 10 === 3) {
    // Every total one more than its parts.
    for (const row of rows(doc.applications)) if (typeof row.total === 'number') row.total += 1;
  }
  return JSON.stringify(doc, null, 2);
}

export function loadSamples() {
  return SAMPLES.map((name) => JSON.parse(readFileSync(join(root, 'samples', `${name}.json`), 'utf8')));
}

/** Writes files report-00000.json … into `dir`; returns their paths. */
export function makeCorpus(dir, n) {
  mkdirSync(dir, { recursive: true });
  const docs = loadSamples();
  const paths = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `report-${String(i).padStart(6, '0')}.json`);
    writeFileSync(path, report(i, docs));
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node bench/corpus.mjs DIR N');
    process.exit(2);
  }
  makeCorpus(dir, Number(n));
}

// The yardstick for `nianbao check DIR --format json`: node + ajv validating
// the same files against the format's JSON Schema (`nianbao schema`), which
// checks structure and types only. Reads every .json file of DIR, parses
// and validates it, and writes one JSON line per file with its errors (all
// of them, as the CLI reports every finding).
//
//   node bench/ajv.mjs SCHEMA.json DIR > /dev/null
import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const [schemaPath, dir] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
let out = '';
let invalid = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  let errors;
  try {
    errors = validate(JSON.parse(text)) ? [] : validate.errors;
  } catch (error) {
    errors = [{ message: String(error) }];
  }
  if (errors.length) invalid++;
  out += JSON.stringify({ file: name, errors }) + '\n';
  if (out.length > 1 << 16) {
    writeSync(1, out);
    out = '';
  }
}
writeSync(1, out);
console.error(`ajv: ${invalid} files with schema errors`);

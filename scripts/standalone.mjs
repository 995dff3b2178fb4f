// Writes dist/nianbao-standalone.html: the whole app in one file (wasm as
// base64, JS glue and CSS inline) that works when opened from file://, where
// browsers refuse to load modules and wasm beside the page. Trunk runs this
// after each build (Trunk.toml hook); it reads the wasm Trunk's cargo build
// left in target/ and uses the same wasm-bindgen and wasm-opt.
//
// This file is the only build output with inline script and style: it is for
// opening on one's own computer, not for serving under a CSP.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.env.TRUNK_STAGING_DIR || path.join(root, 'dist');
// Trunk.toml builds release with the size-first profile `wasm-release`.
const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'wasm-release';
// The workstation: one file for one's own computer carries every tool.
const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const wasm = path.join(target, 'wasm32-unknown-unknown', profile, 'nianbao-workstation.wasm');
if (!existsSync(wasm)) {
  console.error(`standalone: ${wasm} is missing; run trunk build first`);
  process.exit(1);
}
const work = path.join(target, 'standalone');
mkdirSync(work, { recursive: true });
execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', work, wasm], { stdio: 'inherit' });
const bindgenWasm = path.join(work, 'nianbao-workstation_bg.wasm');
const optimised = path.join(work, 'nianbao-workstation.opt.wasm');
execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', bindgenWasm, '-o', optimised], { stdio: 'inherit' });

const glue = readFileSync(path.join(work, 'nianbao-workstation.js'), 'utf8');
const css = readFileSync(path.join(root, 'www/nianbao.css'), 'utf8');
const base64 = readFileSync(optimised).toString('base64');
// `</` would end the inline script or style early.
const safe = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>年报 Nianbao · 政府信息公开工作年度报告（单文件版）</title>
<style>
${safe(css)}
</style>
</head>
<body data-nianbao-app>
<noscript>本页面需要启用 JavaScript 才能显示年报。This page needs JavaScript to show the report.</noscript>
<script>
${safe(glue)}
</script>
<script>
(function () {
  function fail(error) {
    var message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = '年报工具无法启动（' + error + '）。请使用新版浏览器。 Nianbao could not start; please use a current browser.';
    document.body.appendChild(message);
  }
  var text = atob("${base64}");
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    wasm_bindgen.initSync({ module: bytes });
    wasm_bindgen.startApp(null).catch(fail);
  } catch (error) {
    fail(error);
  }
})();
</script>
</body>
</html>
`;
writeFileSync(path.join(out, 'nianbao-standalone.html'), html);
console.log(`standalone: ${path.join(out, 'nianbao-standalone.html')} (${(html.length / 1024).toFixed(0)} kB)`);

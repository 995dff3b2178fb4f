// The strict-CSP demo's own script (a file: inline scripts are not allowed):
// it uses the JavaScript API and shows what it returned.
const out = document.getElementById('api-result');
document.getElementById('report').addEventListener('nianbao-validated', (event) => {
  out.dataset.validated = String(event.detail.summary.errors + event.detail.summary.warnings);
});
const { validate } = await (await import('../nianbao-embed.js')).default;
const text = await (await fetch('../samples/hongze-district-2023.json')).text();
const result = await validate(text);
out.textContent = `Nianbao.v1.validate: ${result.summary.errors} errors, ${result.summary.warnings} warnings (${result.diagnostics.map((d) => d.rule).join(', ')})`;
out.dataset.errors = String(result.summary.errors);

// Starts the app. An external module (not an inline script), so the page
// works under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
import init from './nianbao-app.js';

// The page holds a prerendered first screen (the built-in sample, checked, in
// Chinese). A visitor who chose English sees the live app only, not a flash of
// the other language.
try {
  if (localStorage.getItem('nianbao.lang') === 'en') {
    document.getElementById('nb-prerender')?.remove();
  }
} catch {
  // Storage may be disabled; the prerendered Chinese page is right then.
}

init({ module_or_path: new URL('./nianbao-app_bg.wasm', import.meta.url) }).catch((error) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = '年报工具无法启动（' + error + '）。请使用新版浏览器。 Nianbao could not start; please use a current browser.';
  document.body.append(message);
});

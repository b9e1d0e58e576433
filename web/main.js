// Hash routes: #start, #projects, #entry/CODE, #midyear, #whatif, #outputs.
'use strict';
(() => {
  async function route() {
    const [page, arg] = decodeURIComponent(location.hash.slice(1) || 'start').split('/');
    const run = JX.pages[page] ?? JX.pages.start;
    window.onfocus = null;
    JX.banner('');
    JX.setSaveState('', '');
    for (const a of document.querySelectorAll('[data-nav]')) a.toggleAttribute('aria-current', a.dataset.nav === page);
    try {
      await run(arg);
    } catch (e) {
      JX.show(JX.errorBox({ error: `页面出错：${e.message}` }));
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();

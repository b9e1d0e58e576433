// The workbench's shared helpers: requests with the token, building DOM (text only, never HTML), the banner.
// Scores are never computed here: every figure comes from the server, which asks the core.
'use strict';
window.JX = (() => {
  const token = document.querySelector('meta[name="jixiao-token"]').content;

  /** A JSON request; a refusal comes back as { error, problems } with the server's Chinese message. */
  async function api(path, body) {
    const init = { headers: { 'X-Jixiao-Token': token } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = body instanceof Blob ? 'application/octet-stream' : 'application/json';
      init.body = body instanceof Blob ? body : JSON.stringify(body);
    }
    const res = await fetch(path, init);
    const data = await res.json().catch(() => ({ error: `服务器返回了无法识别的内容（${res.status}）` }));
    return { ok: res.ok, status: res.status, data };
  }

  /** el('td', { class: 'num', text: '12.50' }, child…): text goes in as text, so user input is never markup. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  const view = () => document.getElementById('view');
  function show(...nodes) {
    view().replaceChildren(...nodes);
  }

  function banner(message, actions = []) {
    const b = document.getElementById('banner');
    if (!message) {
      b.hidden = true;
      b.replaceChildren();
      return;
    }
    b.hidden = false;
    b.replaceChildren(el('span', { text: message }), ...actions);
  }

  /** The server's error and its problems as a list the user can act on. */
  function errorBox(data) {
    return el(
      'div',
      { class: 'error-box', role: 'alert' },
      el('p', { text: data.error || '出错了' }),
      data.problems?.length
        ? el('ul', {}, data.problems.map((p) => el('li', { text: `${p.where ? `${p.where}：` : ''}${p.message}` })))
        : null,
    );
  }

  function setSaveState(text, kind) {
    const s = document.getElementById('save-state');
    s.textContent = text;
    s.dataset.state = kind;
  }

  const fileUrl = (rel) => `/files/${rel.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`;

  return { api, el, show, banner, errorBox, setSaveState, fileUrl, pages: {} };
})();

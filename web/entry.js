// Enter actuals for one project in the 自评表 layout. Each edit is scored by the server (the core); each
// committed cell is saved to the actuals file at once, with the value it replaced, so another tab's edit is
// never overwritten silently.
'use strict';
(() => {
  const { api, el, show, errorBox, banner, setSaveState } = window.JX;

  JX.pages.entry = async (code) => {
    const r = await api(`/api/project?code=${encodeURIComponent(code)}`);
    if (!r.ok) return show(el('h1', { text: '填报' }), errorBox(r.data));
    const p = r.data;
    const state = { version: p.version, saved: { ...p.fields }, undo: [], timer: null, pending: Promise.resolve() };
    const inputs = new Map();
    const cell = (field, attrs = {}) => {
      const input = el('input', { type: 'text', 'data-field': field, value: p.fields[field] ?? '', ...attrs });
      inputs.set(field, input);
      return el('div', { class: 'cell' }, input, el('div', { class: 'problem', 'data-problem': field, role: 'status' }));
    };
    const fields = () => Object.fromEntries([...inputs].map(([k, i]) => [k, i.value]));

    const budget = el(
      'table',
      { class: 'grid budget' },
      el('thead', {}, el('tr', {}, ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map((h) => el('th', { text: h })))),
      el(
        'tbody',
        {},
        el(
          'tr',
          {},
          el('td', {}, cell('budget.initial', { placeholder: p.budgetTotal, inputmode: 'decimal' })),
          el('td', {}, cell('budget.adjusted', { placeholder: p.budgetTotal, inputmode: 'decimal' })),
          el('td', {}, cell('budget.executed', { inputmode: 'decimal', 'aria-label': '全年执行数（万元）' })),
          el('td', { class: 'num', id: 'budget-weight' }),
          el('td', { class: 'num', id: 'budget-rate' }),
          el('td', { class: 'num score', id: 'budget-score' }),
        ),
        el('tr', {}, el('th', { text: '执行偏差原因' }), el('td', { colspan: 5 }, cell('budget.reason'))),
      ),
    );
    const rows = p.rows.map((row) =>
      el(
        'tr',
        { class: 'indicator', 'data-row': row.row },
        el('td', { text: row.tier1 }),
        el('td', { text: row.tier2 }),
        el('td', { class: 'name', text: row.name }),
        el('td', { class: 'target', text: row.target }),
        el('td', { class: 'num weight' }),
        el(
          'td',
          { class: 'actual' },
          cell(`indicators.${row.row}.actual`, { placeholder: row.qualitative ? '达成 / 部分达成 / 未达成' : `单位：${row.unit || '—'}` }),
          // A qualitative row is scored by the evaluator inside its grade's band.
          row.qualitative ? cell(`indicators.${row.row}.score`, { placeholder: '档内得分', inputmode: 'decimal' }) : null,
        ),
        el('td', { class: 'num score' }),
        el('td', { class: 'status' }, el('span', { class: 'badge' }), el('ol', { class: 'steps' })),
        el('td', {}, cell(`indicators.${row.row}.reason`)),
        el('td', {}, cell(`indicators.${row.row}.remedy`)),
        el('td', {}, cell(`indicators.${row.row}.evidence`)),
      ),
    );
    const head = ['一级指标', '二级指标', '三级指标', '指标值', '分值', '实际完成值', '得分', '状态与计分', '偏差原因', '改进措施', '佐证材料'];
    const total = el('p', { class: 'total', id: 'total' });
    const undoBtn = el('button', { type: 'button', id: 'undo', text: '撤销', disabled: true, onclick: () => undo() });
    show(
      el('h1', { text: `${p.name}` }),
      el('p', { class: 'muted', text: `项目编码 ${p.code} · ${p.year}年 · 预算数 ${p.budgetTotal} 万元 · 金额单位：万元` }),
      budget,
      el('table', { class: 'grid sheet', id: 'sheet' }, el('thead', {}, el('tr', {}, head.map((h) => el('th', { text: h })))), el('tbody', {}, rows)),
      el(
        'div',
        { class: 'footer' },
        total,
        el('label', { class: 'field wide' }, '年度总体目标完成情况', cell('achievement')),
        undoBtn,
        el('a', { href: `#whatif/${p.code}`, text: '测算' }),
      ),
    );
    render(p.draft);
    setSaveState('已保存', 'saved');

    function render(d) {
      document.getElementById('budget-weight').textContent = d.budget.weight;
      document.getElementById('budget-rate').textContent = d.budget.rate ?? '—';
      document.getElementById('budget-score').textContent = d.budget.score ?? '—';
      for (const rv of d.rows) {
        const tr = rows[rv.row];
        tr.querySelector('.weight').textContent = rv.weight;
        tr.querySelector('.score').textContent = rv.score ?? '—';
        const badge = tr.querySelector('.badge');
        badge.textContent = rv.statusLabel;
        badge.dataset.status = rv.status;
        tr.querySelector('.steps').replaceChildren(...rv.steps.map((s) => el('li', { text: s })));
      }
      for (const box of document.querySelectorAll('[data-problem]')) box.replaceChildren();
      for (const i of inputs.values()) i.removeAttribute('aria-invalid');
      for (const pr of d.problems) {
        const box = document.querySelector(`[data-problem="${CSS.escape(pr.field)}"]`);
        if (!box) continue;
        box.dataset.severity = pr.severity;
        box.append(el('span', { text: pr.message }));
        if (pr.ask)
          box.append(el('button', { type: 'button', class: 'ask', text: pr.ask.label, onclick: () => setCell(pr.field, pr.ask.value) }));
        if (pr.severity === 'error') inputs.get(pr.field)?.setAttribute('aria-invalid', 'true');
      }
      total.textContent = d.complete
        ? `总分 ${d.score}（${d.grade}）`
        : `已评分 ${d.filled}/${d.total} 项，已得 ${d.score} 分；全部填完后给出总分和等级`;
    }

    // Responses may arrive out of order: only the latest request's scores are shown.
    let asked = 0;
    async function rescore() {
      clearTimeout(state.timer);
      const n = ++asked;
      const res = await api('/api/score', { code: p.code, fields: fields() });
      if (res.ok && n === asked) render(res.data);
    }

    function setCell(field, value) {
      const input = inputs.get(field);
      input.value = value;
      commit(field);
      rescore();
    }

    /** Save one cell: the value the page last saved there travels along, so the server can see other writers. */
    function commit(field, isUndo = false) {
      const input = inputs.get(field);
      const old = state.saved[field] ?? '';
      if (input.value === old) return;
      if (!isUndo) state.undo.push({ field, before: old });
      undoBtn.disabled = state.undo.length === 0;
      const change = { field, old, new: input.value };
      // Taken as saved at once, so the change event that follows Enter does not send it twice.
      state.saved[field] = change.new;
      state.inFlight = (state.inFlight ?? 0) + 1;
      setSaveState('保存中…', 'saving');
      rescore();
      state.pending = state.pending.then(async () => {
        const res = await api('/api/save', { code: p.code, base: state.version, changes: [change] });
        state.inFlight -= 1;
        if (res.ok) {
          state.version = res.data.version;
          if (state.inFlight === 0) setSaveState('已保存', 'saved');
          if (res.data.merged) banner('实际完成情况文件在别处也有修改（其他单元格），已一并保留。', [reloadBtn()]);
        } else if (res.status === 409) {
          setSaveState('未保存：文件已被修改', 'conflict');
          const cells = res.data.conflicts.map((c) => `${label(c.field)}（现为“${c.current ?? '空'}”）`).join('、');
          banner(`${res.data.error}：${cells}`, [reloadBtn()]);
        } else {
          setSaveState('未保存', 'error');
          banner(res.data.error || '保存失败');
        }
      });
    }

    function undo() {
      const last = state.undo.pop();
      undoBtn.disabled = state.undo.length === 0;
      if (!last) return;
      inputs.get(last.field).value = last.before;
      commit(last.field, true);
      rescore();
    }

    const label = (field) => {
      const [, row, key] = field.split('.');
      const name = p.rows[Number(row)]?.name;
      return name ? `“${name}”的${{ actual: '实际完成值', reason: '偏差原因', remedy: '改进措施', evidence: '佐证材料' }[key] ?? key}` : field;
    };
    const reloadBtn = () =>
      el('button', { type: 'button', text: '重新载入', onclick: () => { banner(''); JX.pages.entry(code); } });

    // Spreadsheet keys: Enter / Shift+Enter move down / up the column, Tab / Shift+Tab along the row.
    const grid = [...inputs.keys()];
    for (const [field, input] of inputs) {
      input.addEventListener('input', () => {
        setSaveState('未保存', 'dirty');
        clearTimeout(state.timer);
        state.timer = setTimeout(rescore, 120);
      });
      input.addEventListener('change', () => commit(field));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'z' && (e.ctrlKey || e.metaKey) && input.value === (state.saved[field] ?? '')) {
          e.preventDefault();
          return undo();
        }
        if (e.key !== 'Enter') return;
        e.preventDefault();
        commit(field);
        const next = neighbour(field, e.shiftKey ? -1 : 1);
        if (next) next.focus();
        if (next) next.select();
      });
    }
    function neighbour(field, step) {
      const m = /^indicators\.(\d+)\.(\w+)$/.exec(field);
      if (field.startsWith('budget.') && step > 0) return inputs.get('indicators.0.actual');
      if (!m) return inputs.get(grid[grid.indexOf(field) + step]);
      return inputs.get(`indicators.${Number(m[1]) + step}.${m[2]}`) ?? (step > 0 ? inputs.get('achievement') : inputs.get('budget.executed'));
    }
    // Another tab or an editor may have changed the file while this one was in the background.
    window.onfocus = async () => {
      const now = await api(`/api/project?code=${encodeURIComponent(code)}`);
      if (now.ok && now.data.version !== state.version && document.getElementById('sheet'))
        banner('实际完成情况文件已在别处被修改。', [reloadBtn()]);
    };
    inputs.get('budget.executed').focus();
  };
})();

// What-if: what each indicator needs for full marks, and the fewest changes to the next grade (or a chosen
// grade or total). The answers come from the core (jixiao whatif gives the same).
'use strict';
(() => {
  const { api, el, show, errorBox } = window.JX;
  const td = (text, cls) => el('td', { text, class: cls });

  JX.pages.whatif = async (code) => {
    const project = el('select', { id: 'whatif-project' });
    const goal = el('select', { id: 'whatif-goal' });
    const total = el('input', { type: 'number', id: 'whatif-total', min: 0, max: 100, step: '0.01', placeholder: '如 95' });
    const out = el('section');
    const load = async () => {
      const q = new URLSearchParams({ code: project.value || code || '' });
      if (goal.value === 'total' && total.value) q.set('total', total.value);
      else if (goal.value && goal.value !== 'next' && goal.value !== 'total') q.set('grade', goal.value);
      const r = await api(`/api/whatif?${q}`);
      if (!r.ok) return out.replaceChildren(errorBox(r.data));
      const v = r.data;
      if (project.options.length === 0) {
        project.append(...v.projects.map((p) => el('option', { value: p.code, text: p.name, selected: p.code === v.code })));
        goal.append(
          el('option', { value: 'next', text: '下一等级' }),
          ...v.grades.map((g) => el('option', { value: g, text: `等级：${g}` })),
          el('option', { value: 'total', text: '指定总分' }),
        );
      }
      out.replaceChildren(
        el('p', { class: 'total', text: `当前总分 ${v.current}` }),
        el('p', { id: 'whatif-verdict', text: v.verdict }),
        v.changes.length
          ? el(
              'table',
              { class: 'grid', id: 'whatif-changes' },
              el('thead', {}, el('tr', {}, ['要改变的值', '现在', '改为', '加分'].map((h) => el('th', { text: h })))),
              el('tbody', {}, v.changes.map((c) => el('tr', {}, td(c.what), td(c.from), td(c.to, 'num'), td(c.gain, 'num')))),
            )
          : null,
        el('h2', { text: '各指标得满分所需的实际完成值' }),
        el(
          'table',
          { class: 'grid', id: 'whatif-full' },
          el('thead', {}, el('tr', {}, ['序号', '三级指标', '指标值', '分值', '当前得分', '满分所需'].map((h) => el('th', { text: h })))),
          el(
            'tbody',
            {},
            v.indicators.map((i) =>
              el('tr', { class: i.full ? 'full' : '' }, td(String(i.no), 'num'), td(i.name), td(i.target), td(i.weight, 'num'), td(i.score, 'num'), td(i.needs)),
            ),
          ),
        ),
      );
    };
    for (const c of [project, goal, total]) c.addEventListener('change', load);
    show(
      el('h1', { text: '测算（假如……）' }),
      el('p', { class: 'muted', text: '按已保存的实际完成情况测算；与命令 jixiao whatif 的结果相同。' }),
      el('div', { class: 'buttons' }, el('label', { class: 'field' }, '项目 ', project), el('label', { class: 'field' }, '目标 ', goal), total),
      out,
    );
    await load();
  };
})();

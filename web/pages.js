// Start, projects at a glance, mid-year monitoring and outputs: each page fetches its view-model and prints it.
'use strict';
(() => {
  const { api, el, show, errorBox, fileUrl } = window.JX;
  const table = (head, rows, attrs = {}) =>
    el('table', attrs, el('thead', {}, el('tr', {}, head.map((h) => el('th', { text: h })))), el('tbody', {}, rows));
  const td = (text, cls) => el('td', { text, class: cls });

  // ---- Start: choose or drop a goal document, see what was read and what the review found.
  JX.pages.start = async () => {
    const { data } = await api('/api/workspace');
    const input = el('input', { type: 'file', id: 'goal-file', accept: '.txt,.docx,.xlsx,.json' });
    const result = el('section', { id: 'import-result' });
    const drop = el(
      'label',
      { class: 'drop', for: 'goal-file' },
      el('strong', { text: '选择或拖入绩效目标文档' }),
      el('span', { text: '支持 Word 导出的文本（.txt）、Word（.docx）、Excel（.xlsx）或目标表 JSON；导入后写入工作文件夹的 goals.json' }),
      el('span', { class: 'choose', text: '选择文件…' }),
      input,
    );
    const upload = async (file) => {
      result.replaceChildren(el('p', { text: `正在导入 ${file.name}…` }));
      const r = await api(`/api/upload?name=${encodeURIComponent(file.name)}`, file);
      result.replaceChildren(r.ok ? importResult(r.data.goals) : errorBox(r.data));
    };
    input.addEventListener('change', () => input.files[0] && upload(input.files[0]));
    drop.addEventListener('dragover', (e) => e.preventDefault());
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
    });
    if (data.goals) result.append(importResult(data.goals));
    show(el('h1', { text: '开始' }), el('p', { class: 'muted', text: `工作文件夹：${data.root}` }), drop, result);
  };

  function importResult(g) {
    const findings = g.projects.flatMap((p) => p.findings.map((f) => ({ ...f, project: p.name })));
    return el(
      'div',
      {},
      el('h2', { text: `已读取 ${g.file}：${g.unit} ${g.year}年，${g.projects.length} 个项目、${g.indicatorCount} 个指标` }),
      table(
        ['项目编码', '项目名称', '预算数（万元）', '指标数', '审核发现'],
        g.projects.map((p) =>
          el(
            'tr',
            {},
            td(p.code, 'code'),
            el('td', {}, el('a', { href: `#entry/${p.code}`, text: p.name })),
            td(p.budget, 'num'),
            td(String(p.indicators), 'num'),
            td(p.findings.length ? `${p.findings.length} 条` : '未发现问题'),
          ),
        ),
        { class: 'grid', id: 'import-projects' },
      ),
      el('h2', { text: `目标审核（${findings.length} 条）` }),
      findings.length
        ? table(
            ['级别', '项目', '行', '三级指标', '问题', '建议修改'],
            findings.map((f) =>
              el(
                'tr',
                { class: `sev-${f.severity}` },
                td(f.severityLabel),
                td(f.project),
                td(f.row, 'num'),
                td(f.indicator),
                td(f.message),
                td(f.fix),
              ),
            ),
            { class: 'grid findings' },
          )
        : el('p', { text: '未发现问题' }),
    );
  }

  // ---- Projects at a glance, sortable by any column.
  JX.pages.projects = async () => {
    const r = await api('/api/projects');
    if (!r.ok) return show(el('h1', { text: '项目一览' }), errorBox(r.data));
    const cols = [
      ['code', '项目编码'],
      ['name', '项目名称'],
      ['budget', '全年预算数（万元）', true],
      ['rate', '执行率', true],
      ['filled', '已填/全部'],
      ['score', '得分', true],
      ['grade', '等级'],
      ['warnings', '提示', true],
    ];
    let rows = r.data.rows;
    let sortKey = null;
    let dir = 1;
    const body = el('tbody');
    const draw = () =>
      body.replaceChildren(
        ...rows.map((p) =>
          el(
            'tr',
            { 'data-code': p.code },
            td(p.code, 'code'),
            el('td', {}, el('a', { href: `#entry/${p.code}`, text: p.name })),
            td(p.budget, 'num'),
            td(p.rate, 'num'),
            td(p.filled, 'num'),
            td(p.complete ? p.score : `${p.score}（未完）`, 'num score'),
            td(p.grade),
            td(p.warnings ? String(p.warnings) : '', 'num'),
          ),
        ),
      );
    const head = el(
      'tr',
      {},
      cols.map(([key, label, numeric]) =>
        el('th', {
          text: label,
          tabindex: 0,
          class: 'sortable',
          onclick: () => {
            dir = sortKey === key ? -dir : 1;
            sortKey = key;
            const v = (x) => (numeric ? Number.parseFloat(String(x[key]).replace('%', '')) || 0 : String(x[key]));
            rows = [...rows].sort((a, b) => (v(a) > v(b) ? dir : v(a) < v(b) ? -dir : 0));
            draw();
          },
        }),
      ),
    );
    draw();
    show(el('h1', { text: '项目一览' }), el('table', { class: 'grid', id: 'glance' }, el('thead', {}, head), body));
  };

  // ---- Mid-year monitoring at an as-of date; the inputs monitoring asks for are saved to actuals-mid-year.yaml.
  const LIKELIHOOD = ['确定能', '有可能', '完全不可能'];
  const CAUSES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'];
  let reloadMonitor = null;
  function input(m, code, row, key, options, blank) {
    const field = `indicators.${row}.${key}`;
    const old = m.fields[code]?.[field] ?? '';
    const control = options
      ? el('select', {}, el('option', { value: '', text: blank }), options.map((o) => el('option', { value: o, text: o, selected: o === old })))
      : el('input', { type: 'text', value: old });
    control.dataset.field = field;
    control.dataset.code = code;
    control.addEventListener('change', async () => {
      JX.setSaveState('保存中…', 'saving');
      const r = await api('/api/save', {
        period: 'mid-year',
        code,
        base: m.version,
        changes: [{ field, old, new: control.value }],
      });
      if (!r.ok) {
        JX.setSaveState('未保存', 'conflict');
        return JX.banner(r.data.error + (r.data.conflicts ? '' : ''), [el('button', { type: 'button', text: '重新载入', onclick: () => reloadMonitor?.() })]);
      }
      JX.setSaveState('已保存', 'saved');
      reloadMonitor?.();
    });
    return control;
  }

  JX.pages.midyear = async (asOf) => {
    const date = el('input', { type: 'date', id: 'as-of', value: asOf || '' });
    const out = el('section');
    const load = async () => {
      const r = await api(`/api/monitor?asOf=${encodeURIComponent(date.value)}`);
      if (!r.ok) return out.replaceChildren(errorBox(r.data));
      const m = r.data;
      date.value = m.asOf;
      out.replaceChildren(
        el('p', { text: `截至 ${m.asOf}，序时进度 ${m.timeProgress}` }),
        table(
          ['项目', '计划进度', '序时进度', '实际执行', '较计划（百分点）', '较序时（百分点）', '状态', '预计得分', '等级'],
          m.projects.map((p) =>
            el(
              'tr',
              { 'data-code': p.code },
              td(p.name),
              td(p.planned, 'num'),
              td(p.timeProgress, 'num'),
              td(p.executed, 'num'),
              td(p.gap, 'num'),
              td(p.gapToTime, 'num'),
              el('td', {}, el('span', { class: `light light-${p.light}`, text: p.lightLabel })),
              td(p.forecast, 'num'),
              td(p.grade),
            ),
          ),
          { class: 'grid', id: 'monitor' },
        ),
        ...m.projects.map((p) =>
          el(
            'details',
            { class: 'pace', 'data-code': p.code },
            el('summary', { text: `${p.name}：指标进度（${p.lightLabel}${p.reason ? `，${p.reason}` : ''}）` }),
            table(
              ['三级指标', '指标值', '应完成', '截至目前', '全年预计', '预计得分', '状态', '完成目标可能性', '偏差原因类别', '偏差原因', '纠偏措施'],
              p.indicators.map((i) =>
                el(
                  'tr',
                  {},
                  td(i.name),
                  td(i.target),
                  td(i.expected, 'num'),
                  td(i.actual, 'num'),
                  td(i.projected, 'num'),
                  td(i.forecastScore, 'num'),
                  el('td', {}, el('span', { class: `light light-${i.light}`, text: i.lightLabel })),
                  el('td', {}, input(m, p.code, i.row, 'likelihood', LIKELIHOOD, `（建议：${i.suggested}）`)),
                  el('td', {}, input(m, p.code, i.row, 'cause', CAUSES, '（未填）')),
                  el('td', {}, input(m, p.code, i.row, 'reason')),
                  el('td', {}, input(m, p.code, i.row, 'remedy')),
                ),
              ),
              { class: 'grid' },
            ),
          ),
        ),
      );
    };
    date.addEventListener('change', load);
    reloadMonitor = () => {
      JX.banner('');
      const open = [...out.querySelectorAll('details[open]')].map((d) => d.dataset.code);
      return load().then(() => {
        for (const d of out.querySelectorAll('details')) if (open.includes(d.dataset.code)) d.open = true;
      });
    };
    show(
      el('h1', { text: '运行监控' }),
      el('label', { class: 'field' }, '截止日期 ', date),
      el('p', { class: 'muted', text: '监控数据取自工作文件夹的 actuals-mid-year.yaml（与 jixiao monitor 相同）。' }),
      out,
    );
    await load();
  };

  // ---- Outputs: exactly what `jixiao report` writes, into out/, with download links.
  JX.pages.outputs = async () => {
    const list = el('ul', { id: 'output-files' });
    const glance = await api('/api/projects');
    const which = el(
      'select',
      { id: 'output-project' },
      el('option', { value: '', text: '全部项目（含部门汇总）' }),
      (glance.ok ? glance.data.rows : []).map((p) => el('option', { value: p.code, text: `只生成：${p.name}` })),
    );
    const status = el('p', { 'aria-live': 'polite' });
    const make = (kind, format, label) =>
      el('button', {
        type: 'button',
        'data-kind': kind,
        'data-format': format,
        text: label,
        onclick: async () => {
          status.textContent = `正在生成${label}…`;
          const r = await api('/api/report', { kind, format, project: which.value });
          if (!r.ok) return status.replaceChildren(errorBox(r.data));
          status.textContent = `已生成 ${r.data.files.length} 个文件（写入工作文件夹 out/）`;
          list.replaceChildren(...r.data.files.map((f) => el('li', {}, el('a', { href: fileUrl(f), download: '', text: f }))));
        },
      });
    show(
      el('h1', { text: '报告输出' }),
      el('p', { class: 'muted', text: '与命令 jixiao report 写出的文件完全相同（只生成一个项目时同 --project）。' }),
      el('label', { class: 'field' }, '范围 ', which),
      el(
        'div',
        { class: 'buttons' },
        make('self-evaluation', 'xlsx', '自评表（xlsx）'),
        make('self-evaluation', 'pdf', '自评表与自评报告（pdf）'),
        make('self-evaluation', 'docx', '自评表与自评报告（Word）'),
        make('self-evaluation', 'html', '自评表与自评报告（html）'),
        make('monitoring', 'html', '运行监控表（html）'),
        make('monitoring', 'pdf', '运行监控表（pdf）'),
        make('monitoring', 'docx', '运行监控表（Word）'),
        make('department', 'html', '部门汇总（html）'),
      ),
      status,
      list,
    );
  };
})();

/**
 * Inline SVG charts built by hand from plain numbers: no network assets, no chart library, and the same input
 * always gives the same bytes. Every text put into the SVG passes through escapeXml; the HTML templates print
 * the result unescaped ({{{svg}}}), so this file is the only place that may emit markup.
 */
import { timeProgress } from '../core/monitoring/plan.js';
import type { PlanMilestone } from '../model/goals.js';
import { fmtRate } from './format.js';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Coordinates with at most two decimals, so output does not depend on float noise. */
const c = (x: number) => String(Math.round(x * 100) / 100);

export interface Bar {
  label: string;
  /** What the bar shows, and the most it could show (the full-length track). */
  value: number;
  max: number;
  /** Text printed after the bar, already formatted by the view-model ("49.94 / 50"). */
  text: string;
}

/** Horizontal bars on tracks: tier scores against tier weights, or project totals against 100. */
export function barChart(title: string, bars: readonly Bar[], width = 640): string {
  const labelW = 150;
  const textW = 110;
  const rowH = 26;
  const top = 30;
  const trackW = width - labelW - textW;
  const height = top + bars.length * rowH + 8;
  const scale = Math.max(1, ...bars.map((b) => b.max));
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const track = (Math.max(0, b.max) / scale) * trackW;
    const fill = (Math.min(Math.max(0, b.value), Math.max(0, b.max)) / scale) * trackW;
    return [
      `<text class="chart-label" x="${labelW - 8}" y="${c(y + 15)}" text-anchor="end">${escapeXml(b.label)}</text>`,
      `<rect class="chart-track" x="${labelW}" y="${y + 4}" width="${c(track)}" height="16"/>`,
      `<rect class="chart-bar" x="${labelW}" y="${y + 4}" width="${c(fill)}" height="16"/>`,
      `<text class="chart-value" x="${c(labelW + trackW + 8)}" y="${c(y + 15)}">${escapeXml(b.text)}</text>`,
    ].join('');
  });
  return svg(title, width, height, rows.join(''));
}

export interface Series {
  name: string;
  /** CSS class of the line ("plan", "actual", "time"). */
  cls: string;
  /** x and y as shares 0–1 (share of the year, share of the budget). */
  points: readonly { x: number; y: number }[];
  dashed?: boolean;
}

/**
 * Cumulative spending over the year: x is the share of the year elapsed, y the share of the budget spent.
 * `marker` draws the as-of date as a vertical line with its label.
 */
export function lineChart(
  title: string,
  series: readonly Series[],
  xTicks: readonly { at: number; label: string }[],
  marker?: { at: number; label: string },
  width = 640,
): string {
  const left = 46;
  const right = 16;
  const top = 46; // the title, then a row for the as-of label
  const plotH = 200;
  const legendH = 24;
  const plotW = width - left - right;
  const height = top + plotH + 26 + legendH;
  const px = (x: number) => left + Math.min(1, Math.max(0, x)) * plotW;
  const py = (y: number) => top + plotH - Math.min(1.2, Math.max(0, y)) * (plotH / 1.2);
  const parts: string[] = [];
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="chart-grid" x1="${left}" y1="${c(py(y))}" x2="${c(left + plotW)}" y2="${c(py(y))}"/>`);
    parts.push(`<text class="chart-tick" x="${left - 6}" y="${c(py(y) + 4)}" text-anchor="end">${y * 100}%</text>`);
  }
  for (const t of xTicks) {
    parts.push(
      `<text class="chart-tick" x="${c(px(t.at))}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(t.label)}</text>`,
    );
  }
  parts.push(`<line class="chart-axis" x1="${left}" y1="${c(py(0))}" x2="${c(left + plotW)}" y2="${c(py(0))}"/>`);
  if (marker) {
    const x = c(px(marker.at));
    parts.push(`<line class="chart-marker" x1="${x}" y1="${top}" x2="${x}" y2="${c(py(0))}"/>`);
    parts.push(
      `<text class="chart-tick" x="${x}" y="${top - 6}" text-anchor="middle">${escapeXml(marker.label)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const pts = s.points.map((p) => `${c(px(p.x))},${c(py(p.y))}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    parts.push(`<polyline class="chart-line ${escapeXml(s.cls)}" points="${pts}"${dash}/>`);
    for (const p of s.points)
      parts.push(`<circle class="chart-dot ${escapeXml(s.cls)}" cx="${c(px(p.x))}" cy="${c(py(p.y))}" r="2.5"/>`);
    const lx = left + i * 150;
    const ly = height - 8;
    parts.push(
      `<line class="chart-line ${escapeXml(s.cls)}" x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}"${dash}/>`,
    );
    parts.push(`<text class="chart-label" x="${lx + 30}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  return svg(title, width, height, parts.join(''));
}

/**
 * Every chart carries its own colours and fonts, so it looks the same inline in HTML, as a picture in Word
 * (rasterised from this SVG) or opened on its own.
 */
const CHART_CSS = [
  '.chart{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","SimHei",sans-serif}',
  '.chart-title{font-size:13px;font-weight:bold}',
  '.chart-label,.chart-value,.chart-tick{font-size:11px}',
  '.chart-track{fill:#e6e6e6}',
  '.chart-bar{fill:#2f5597}',
  '.chart-grid{stroke:#ddd;stroke-width:1}',
  '.chart-axis{stroke:#000;stroke-width:1}',
  '.chart-marker{stroke:#c62828;stroke-width:1;stroke-dasharray:3 3}',
  '.chart-line{fill:none;stroke-width:2}',
  '.chart-line.plan{stroke:#2f5597}',
  '.chart-line.actual{stroke:#c62828}',
  '.chart-line.time{stroke:#888}',
  '.chart-dot.plan{fill:#2f5597}',
  '.chart-dot.actual{fill:#c62828}',
  '.chart-dot.time{fill:none}',
].join('');

function svg(title: string, width: number, height: number, body: string): string {
  const t = escapeXml(title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${c(height)}" width="${width}" height="${c(height)}" role="img" aria-label="${t}">` +
    `<style>${CHART_CSS}</style><title>${t}</title><text class="chart-title" x="${width / 2}" y="18" text-anchor="middle">${t}</text>${body}</svg>`
  );
}

/** Month ends as shares of the year: where the x-axis labels 1月 … 12月 sit. */
function monthTicks(year: number): { at: number; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const last = new Date(year, i + 1, 0).getDate();
    const iso = `${year}-${String(i + 1).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
    return { at: timeProgress(iso), label: `${i + 1}月` };
  });
}

/**
 * Planned against actual cumulative spending over the year: the 资金支出计划 milestones, the spending to the
 * as-of date, and 序时进度 (the diagonal) for reference. Shares in, SVG out; dates are calendar dates only.
 */
export function spendingChart(plan: readonly PlanMilestone[], asOf: string, executed: number): string {
  const year = Number(asOf.slice(0, 4));
  const at = timeProgress(asOf);
  const planned = [{ x: 0, y: 0 }, ...plan.map((m) => ({ x: timeProgress(m.date), y: m.cumulative }))];
  return lineChart(
    '资金支出进度（累计执行占全年预算）',
    [
      { name: '资金支出计划', cls: 'plan', points: planned },
      {
        name: `实际执行（${fmtRate(executed)}）`,
        cls: 'actual',
        points: [
          { x: 0, y: 0 },
          { x: at, y: executed },
        ],
      },
      {
        name: '序时进度',
        cls: 'time',
        points: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        dashed: true,
      },
    ],
    monthTicks(year),
    { at, label: `截至 ${asOf}` },
  );
}

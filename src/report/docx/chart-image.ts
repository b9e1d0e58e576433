import { ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { TEXT_WIDTH } from './build.js';

/**
 * The report's SVG charts (styled by their own <style>) as PNG pictures for Word: WPS and older Word show no
 * SVG. Rasterised offline by resvg with the system's CJK fonts, at twice the size for a sharp print.
 */
type Rasterise = (svg: string) => { png: Uint8Array; width: number; height: number };

let rasterise: Rasterise | null | undefined;

/** resvg, loaded on first use; null when its native part is missing on this platform (the chart is then left out). */
async function rasteriser(): Promise<Rasterise | null> {
  if (rasterise !== undefined) return rasterise;
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    rasterise = (svg) => {
      const r = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        background: '#ffffff',
        font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
      });
      const img = r.render();
      return { png: new Uint8Array(img.asPng()), width: img.width / 2, height: img.height / 2 };
    };
  } catch {
    rasterise = null;
  }
  return rasterise;
}

/** A centred picture of the chart at its own width (at most the text width); a note when it cannot be drawn. */
export async function chartParagraph(svg: string): Promise<Paragraph[]> {
  if (!svg) return [];
  const r = await rasteriser();
  if (!r)
    return [
      new Paragraph({ alignment: 'center', children: [new TextRun('（此处的图表未能生成：本机缺少图表绘制组件）')] }),
    ];
  const { png, width, height } = r(svg);
  // docx sizes pictures in pixels at 96 dpi; the text width is in twips (1440 a inch).
  const maxPx = Math.floor((TEXT_WIDTH / 1440) * 96);
  const scale = Math.min(1, maxPx / width);
  return [
    new Paragraph({
      alignment: 'center',
      keepLines: true,
      spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
          altText: { name: 'chart', title: chartTitle(svg), description: chartTitle(svg) },
        }),
      ],
    }),
  ];
}

/** The chart's title as plain text (the SVG holds it XML-escaped; docx escapes it again). */
const chartTitle = (svg: string) =>
  (/aria-label="([^"]*)"/.exec(svg)?.[1] ?? '').replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '',
  );

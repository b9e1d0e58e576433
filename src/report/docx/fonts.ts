import { Document, type ISectionOptions, Packer } from 'docx';
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * The fonts of a Chinese government document: 宋体 for titles and tables, 黑体 for chapter headings, 仿宋 for the
 * body; Latin letters and figures in Times New Roman. Named as Word and WPS on Windows know them, with the
 * font table below giving the English name, the GB2312 character set and the PANOSE class, so an office
 * without the font (macOS, LibreOffice) substitutes a serif or sans CJK face of the same kind.
 */
const LATIN = 'Times New Roman';
const run = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
export const FONT = { title: run('宋体'), table: run('宋体'), heading: run('黑体'), body: run('仿宋') } as const;

interface FontEntry {
  name: string;
  alt: string;
  panose: string;
  charset: string;
  family: string;
  pitch: string;
}

const FONT_TABLE: FontEntry[] = [
  { name: '宋体', alt: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: '黑体', alt: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', alt: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: LATIN, alt: '', panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

const BODY = 'word/document.xml';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fonts}</w:fonts>`;
}

/** No creation date: the same inputs give the same bytes (reports are deterministic). */
function coreXml(title: string): string {
  const esc = title.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ' +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' +
    esc +
    '</dc:title><dc:creator>jixiao</dc:creator></cp:coreProperties>'
  );
}

/** Zip entries dated 1980-01-01 (the zip epoch) in a fixed order, so two runs write identical files. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Pack the sections into a .docx: A4 sections, 仿宋 12 pt body, zh-CN East Asian text, deterministic bytes. */
export async function packDocument(docTitle: string, sections: ISectionOptions[]): Promise<Uint8Array> {
  const doc = new Document({
    title: docTitle,
    creator: 'jixiao',
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 300 } },
        },
      },
    },
    sections,
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'docProps/core.xml', data: coreXml(docTitle) },
  ]);
  const files = unzipSync(new Uint8Array(packed));
  // docx numbers pictures with a counter that runs across the whole process: number them within this file.
  let n = 0;
  const body = strFromU8(files[BODY] as Uint8Array).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
  files[BODY] = strToU8(body);
  const out: Zippable = {};
  for (const name of Object.keys(files).sort()) out[name] = [files[name] as Uint8Array, { mtime: FIXED_TIME }];
  return zipSync(out, { level: 6 });
}

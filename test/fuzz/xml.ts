/**
 * Mutations of the XML inside an Office file (a .docx's document, a workbook's sheets and shared strings) that
 * keep the structure in view: whole elements (table rows, cells, paragraphs, spreadsheet rows and cells, shared
 * strings, merges) deleted, emptied, duplicated or swapped; the text of one cell edited as the text harnesses edit
 * a .txt, and escaped again; snippets put between tags (merges, spans, nested tables, far cell references,
 * entities); raw text edits that break the XML. Line-based edits would do little here: Word and exceljs write
 * each part on one line.
 */
import fc from 'fast-check';
import { applyText, type TextMutation, textMutation } from './mutate.js';

export type XmlFormat = 'docx' | 'xlsx';

export type ElementEdit = 'delete' | 'empty' | 'duplicate' | 'swap';

export type XmlMutation =
  /** The at-th element of ELEMENTS[format][tag]; swap exchanges it with the with-th. */
  | { op: 'element'; tag: number; at: number; edit: ElementEdit; with: number }
  /** The text of the at-th text node (<w:t>, <t>, <v>), edited as text and escaped again. */
  | { op: 'cell-text'; at: number; text: TextMutation }
  /** SNIPPETS[format][snippet] put in front of the at-th tag. */
  | { op: 'snippet'; at: number; snippet: number }
  /** Anywhere in the part, tags included. */
  | { op: 'raw'; text: TextMutation };

const ELEMENTS: Record<XmlFormat, string[]> = {
  docx: ['w:tr', 'w:tc', 'w:p', 'w:tbl', 'w:r', 'w:t', 'w:tcPr', 'w:vMerge', 'w:gridCol', 'w:body'],
  xlsx: ['row', 'c', 'si', 'v', 'mergeCell', 'mergeCells', 'col', 'sheet', 'sheetData', 't'],
};

const SNIPPETS: Record<XmlFormat, string[]> = {
  docx: [
    '<w:tcPr><w:vMerge/></w:tcPr>',
    '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
    '<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>',
    '<w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>',
    '<w:tcPr><w:gridSpan w:val="-1"/><w:vMerge w:val="continue"/></w:tcPr>',
    '<w:tc><w:p><w:r><w:t>插入的格</w:t></w:r></w:p></w:tc>',
    '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>',
    '<w:tr><w:tc><w:p><w:r><w:t>项目编码</w:t></w:r></w:p></w:tc></w:tr>',
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套表</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:r><w:t>1.2025年测试项目绩效目标表</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>三级指标</w:t><w:tab/><w:t>≥1000家</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
    '<w:r><w:tab/></w:r>',
    '<w:r><w:br/></w:r>',
    '<w:r><w:t xml:space="preserve">   </w:t></w:r>',
    '<w:ins><w:r><w:t>修订插入</w:t></w:r></w:ins>',
    '<w:del><w:r><w:delText>修订删除</w:delText></w:r></w:del>',
    '<w:hyperlink r:id="rId999"><w:r><w:t>链接</w:t></w:r></w:hyperlink>',
    '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
    '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>',
    '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    '<w:r><w:drawing/></w:r>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="999"/></w:numPr></w:pPr></w:p>',
    '<w:tr>',
    '</w:tc>',
    '</w:tbl>',
  ],
  xlsx: [
    '<mergeCells count="1"><mergeCell ref="A1:C3"/></mergeCells>',
    '<mergeCell ref="A12:G12"/>',
    '<mergeCell ref="B2:A1"/>',
    '<mergeCell ref="A1:XFD1048576"/>',
    '<c r="H1" t="inlineStr"><is><t>≥95%</t></is></c>',
    '<c r="Z999" t="inlineStr"><is><t>远处的格</t></is></c>',
    '<c r="XFD1048576" t="inlineStr"><is><t>最后一格</t></is></c>',
    '<c r="A1" t="s"><v>99999</v></c>',
    '<c r="B1" t="s"><v>-1</v></c>',
    '<c r="C1" t="e"><v>#DIV/0!</v></c>',
    '<c r="D1"><f>1/0</f></c>',
    '<c r="E1" t="b"><v>1</v></c>',
    '<c r="F1" s="999"><v>45000</v></c>',
    '<c r="G1"><v>1e999</v></c>',
    '<c r="A0"><v>1</v></c>',
    '<c><v>没有位置</v></c>',
    '<row r="0"><c r="A0" t="inlineStr"><is><t>第零行</t></is></c></row>',
    '<row r="1048577">',
    '<row r="99999"><c r="A99999" t="inlineStr"><is><t>很远的行</t></is></c></row>',
    '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>最后一格</t></is></c></row>',
    '<si><r><t>富文本</t></r><r><t>两段</t></r></si>',
    '<si><t>项目编码</t></si>',
    '<si/>',
    '</row>',
    '</c>',
    '<v>',
  ],
};

/** Either format's XML: entities, comments, CDATA and a DTD (an entity that expands). */
const XML_SNIPPETS = [
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '&#xD800;',
  '&undefined;',
  '<!-- 注释 -->',
  '<![CDATA[<w:t>不是标签</w:t>]]>',
  '<?pi data?>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]>',
];

const pos = fc.nat();

export const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('element' as const),
      tag: fc.nat({ max: 9 }),
      at: pos,
      edit: fc.constantFrom<ElementEdit>('delete', 'empty', 'duplicate', 'swap'),
      with: pos,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('cell-text' as const), at: pos, text: textMutation('document') }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('snippet' as const),
      at: pos,
      snippet: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('raw' as const), text: textMutation('document') }) },
);

const at = (n: number, length: number) => n % length;

/** Occurrences of one element: self-closing, or open tag to the first close tag (nesting is not tracked). */
function elements(xml: string, tag: string): { start: number; end: number }[] {
  const name = tag.replace(':', '\\:');
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const TEXT_NODE = /<(w:t|t|v)((?:\s[^>]*)?)>([^<]*)<\/\1>/g;
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function applyXml(xml: string, m: XmlMutation, format: XmlFormat): string {
  switch (m.op) {
    case 'raw':
      return applyText(xml, m.text);
    case 'snippet': {
      const list = [...SNIPPETS[format], ...XML_SNIPPETS];
      const snippet = list[m.snippet % list.length] as string;
      const tags = [...xml.matchAll(/<(?![?!])/g)];
      const i = tags.length === 0 ? 0 : (tags[at(m.at, tags.length)]?.index ?? 0);
      return xml.slice(0, i) + snippet + xml.slice(i);
    }
    case 'cell-text': {
      const nodes = [...xml.matchAll(TEXT_NODE)];
      if (nodes.length === 0) return xml;
      const node = nodes[at(m.at, nodes.length)] as RegExpExecArray;
      const [whole, tag, attrs, text] = node as unknown as [string, string, string, string];
      const edited = `<${tag}${attrs}>${escapeXml(applyText(unescapeXml(text), m.text))}</${tag}>`;
      return xml.slice(0, node.index) + edited + xml.slice(node.index + whole.length);
    }
    case 'element': {
      const tags = ELEMENTS[format];
      const found = elements(xml, tags[m.tag % tags.length] as string);
      if (found.length === 0) return xml;
      const a = found[at(m.at, found.length)] as { start: number; end: number };
      const text = xml.slice(a.start, a.end);
      switch (m.edit) {
        case 'delete':
          return xml.slice(0, a.start) + xml.slice(a.end);
        case 'duplicate':
          return xml.slice(0, a.end) + text + xml.slice(a.end);
        case 'empty': {
          const open = /^<[^>]*?>/.exec(text)?.[0] ?? text;
          const name = /^<([^\s/>]+)/.exec(text)?.[1] ?? '';
          return xml.slice(0, a.start) + (open.endsWith('/>') ? open : `${open}</${name}>`) + xml.slice(a.end);
        }
        case 'swap': {
          const b = found[at(m.with, found.length)] as { start: number; end: number };
          if (b.start === a.start || (b.start < a.end && a.start < b.end)) return xml;
          const [x, y] = a.start < b.start ? [a, b] : [b, a];
          return (
            xml.slice(0, x.start) +
            xml.slice(y.start, y.end) +
            xml.slice(x.end, y.start) +
            xml.slice(x.start, x.end) +
            xml.slice(y.end)
          );
        }
      }
    }
  }
}

/**
 * The report's typography with the `docx` library: A4 with Chinese report margins, 黑体 headings, 仿宋 body
 * (宋体 in tables), numbered figures and tables, a table of contents field Word fills in when the file opens,
 * page numbers. Every builder below returns docx elements; the documents (district, town) only arrange them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { ChartImage } from "./chart-image";

export type Block = Paragraph | Table | TableOfContents;

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const TABLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
/** A4 in twentieths of a point, with 2.8 cm side margins: the width tables are laid out in. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Figure and table numbers, in order of appearance. */
export class Numbering {
  private figures = 0;
  private tables = 0;
  nextFigure(): string {
    this.figures += 1;
    return `图${this.figures}`;
  }
  nextTable(): string {
    this.tables += 1;
    return `表${this.tables}`;
  }
}

export const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

/** A body paragraph with a two-character first-line indent (Chinese convention). */
export const para = (text: string | TextRun[], options: { indent?: boolean } = {}) =>
  new Paragraph({
    children: typeof text === "string" ? [new TextRun(text)] : text,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
  });

export const bold = (text: string) => new TextRun({ text, bold: true });
export const plain = (text: string) => new TextRun(text);

export const note = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, size: 18, font: TABLE_FONT })], spacing: { before: 60, after: 120 } });

const caption = (text: string, keepNext = true) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { before: 160, after: 80 },
    children: [new TextRun({ text, bold: true, size: 21, font: HEADING_FONT })],
  });

/** A numbered figure: the chart image centred with its caption below. */
export function figure(
  numbering: Numbering,
  title: string,
  image: ChartImage,
  /** The share of the text width the chart may take (a town card's smaller charts keep it within four pages). */
  options: { widthShare?: number } = {},
): Paragraph[] {
  const scale = Math.min(1, ((options.widthShare ?? 1) * TEXT_WIDTH) / 15 / image.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // A single auto line: an image in a paragraph with a fixed line height is cut to that height.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: image.png,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          altText: { name: title, title, description: title },
        }),
      ],
    }),
    caption(`${numbering.nextFigure()} ${title}`),
  ];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const cellText = (text: string, options: { bold?: boolean; align?: "left" | "right" | "center"; compact?: boolean }) =>
  new Paragraph({
    spacing: { line: options.compact ? 240 : 280, lineRule: LineRuleType.AUTO, after: 0 },
    alignment:
      options.align === "right"
        ? AlignmentType.RIGHT
        : options.align === "center"
          ? AlignmentType.CENTER
          : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: options.bold, size: options.compact ? 18 : 19, font: TABLE_FONT })],
  });

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: "left" | "right" | "center";
}

/**
 * A numbered table: caption above, header row repeated on every page, rows never split across pages. `compact`
 * (long reference tables of the 2–4 page town card): single-spaced 9 pt rows, and the table flows on from
 * wherever the page is.
 */
export function dataTable(
  numbering: Numbering,
  title: string,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { compact?: boolean } = {},
): Block[] {
  const { compact } = options;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => Math.floor((TEXT_WIDTH * column.width) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: compact ? 15 : 40, bottom: compact ? 15 : 40, left: 80, right: 80 },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" } : undefined,
      children: [cellText(text, { bold: header, align: header ? "center" : columns[i]?.align, compact })],
    });
  return [
    // LibreOffice keeps a whole table with a keep-with-next paragraph before it: a page-long compact table would
    // jump to the next page and leave half a page blank, so its caption only keeps its own lines.
    caption(`${numbering.nextTable()} ${title}`, !compact),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
      ],
    }),
  ];
}

export const tableOfContents = () => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: "目  录", bold: true, size: 32, font: HEADING_FONT })],
  }),
  new TableOfContents("目录", { hyperlink: true, headingStyleRange: "1-2" }),
];

export function titlePage(title: string, subtitle: string, date: string): Paragraph[] {
  const line = (text: string, size: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before },
      children: [new TextRun({ text, size, bold: size > 40, font: HEADING_FONT })],
    });
  return [line(title, 44, 3600), line(subtitle, 30, 600), line(date, 28, 4800)];
}

/** The title block at the top of a town's card (no title page: the card is short). */
export function cardTitle(title: string, subtitle: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: title, size: 36, bold: true, font: HEADING_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: subtitle, size: 24, font: BODY_FONT })],
    }),
  ];
}

export const pageBreak = () => new Paragraph({ pageBreakBefore: true, children: [] });

/**
 * The document: A4, Chinese fonts declared, page numbers in the footer, fields (the TOC) updated on open.
 * `card`: a town's report card, set a little tighter (1.4 lines, smaller gaps before headings) to stay within
 * four pages.
 */
export function reportDocument(title: string, children: readonly Block[], options: { card?: boolean } = {}): Document {
  const line = options.card ? 340 : 400;
  const beforeHeading = options.card ? 240 : 360;
  return new Document({
    title,
    creator: "居民满意度调查系统",
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 24 },
          paragraph: { spacing: { line, lineRule: LineRuleType.AUTO, after: 80 } },
        },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: true, color: "000000" },
          paragraph: { spacing: { before: beforeHeading, after: 200 }, keepNext: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 28, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 18 })],
              }),
            ],
          }),
        },
        children: [...children],
      },
    ],
  });
}

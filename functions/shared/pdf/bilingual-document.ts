// Renders an official bilingual document (receipt, certificate, civil status extract) as an A4 PDF: French on the
// left read left to right, Arabic on the right read right to left, values that need no translation shown once.
import { grayscale, PDFDocument, type PDFPage } from 'pdf-lib';
import { moroccanDate, printedDate } from '../time/morocco-time.ts';
import { EmbeddedFont } from './embedded-font.ts';
import { loadFonts, type Face, type Weight } from './fonts.ts';
import { drawQrCode } from './qr-code.ts';
import { drawLine, layoutText, type BaseDirection, type EmbeddedFonts, type ShapedLine, type TextStyle } from './text-layout.ts';

export interface BilingualText {
  readonly ar: string;
  readonly fr: string;
}

export interface DocumentRow {
  readonly label: BilingualText;
  /** A string (number, code, date) is shown once, between the two labels; a bilingual value on each side. */
  readonly value: string | BilingualText;
}

export interface BilingualDocument {
  /** Lines separated by `\n`, e.g. "Royaume du Maroc\nCommune de Rabat". */
  readonly issuer: BilingualText;
  readonly title: BilingualText;
  /** Document or receipt number, printed and in the metadata. */
  readonly reference: string;
  /** ISO instant, printed as the date in Morocco; also the PDF creation date, so equal inputs give equal bytes. */
  readonly issuedAt: string;
  readonly rows: readonly DocumentRow[];
  /** Paragraphs (e.g. the legal basis), wrapped to their column. */
  readonly notes?: readonly BilingualText[];
  readonly qr?: { readonly payload: string; readonly caption: BilingualText };
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const SIDE_MARGIN = 56;
const TOP_MARGIN = 56;
const BOTTOM_MARGIN = 72;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN;
const LEFT = SIDE_MARGIN;
const RIGHT = PAGE_WIDTH - SIDE_MARGIN;
const GUTTER = 16;
const HALF_WIDTH = (CONTENT_WIDTH - GUTTER) / 2;
const CELL_PADDING = 8;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = (CONTENT_WIDTH - 2 * LABEL_WIDTH - 3 * CELL_PADDING) / 2;
/** About 53 mm: a signed payload of some 600 characters still has modules a phone camera resolves. */
const QR_SIZE = 150;
/** Vazirmatn's letters and marks reach 1.03 em above the baseline and 0.54 em below. */
const LEADING = 1.75;
const BASELINE_FROM_TOP = 1.2;
/** Lines of a paragraph kept together at the foot of a page. */
const ORPHAN_LINES = 2;

const REFERENCE_LABEL: BilingualText = { fr: 'Référence', ar: 'المرجع' };
const DATE_LABEL: BilingualText = { fr: 'Date de délivrance', ar: 'تاريخ التسليم' };

/** Renders `document` as PDF bytes; the same document always gives the same bytes. */
export async function renderBilingualPdf(document: BilingualDocument): Promise<Uint8Array> {
  const issuedAt = new Date(document.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) throw new RangeError(`issuedAt is not an ISO instant: ${document.issuedAt}`);

  const fonts = await loadFonts();
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const embed = (face: Face) => new EmbeddedFont(pdf, face);
  const embedded: Record<Weight, EmbeddedFonts> = {
    regular: { arabic: embed(fonts.regular.arabic), latin: embed(fonts.regular.latin) },
    bold: { arabic: embed(fonts.bold.arabic), latin: embed(fonts.bold.latin) },
  };
  const style = (size: number, gray = 0, weight: Weight = 'regular'): TextStyle => ({ fonts: embedded[weight], size, gray });

  const flow = new PageFlow(pdf);
  drawHeader(flow, document, style);
  const identification: DocumentRow[] = [
    { label: REFERENCE_LABEL, value: document.reference },
    { label: DATE_LABEL, value: printedDate(moroccanDate(issuedAt)) },
  ];
  drawRows(flow, [...identification, ...document.rows], style);
  const noteStyle = style(9.5, 0.15);
  for (const note of document.notes ?? []) {
    flow.skip(8);
    const columns = [cell(note.fr, 'ltr', noteStyle, LEFT, HALF_WIDTH, 'left'), cell(note.ar, 'rtl', noteStyle, RIGHT - HALF_WIDTH, HALF_WIDTH, 'right')];
    drawCells(flow, columns, false);
  }
  if (document.qr) drawQr(flow, document.qr, style);
  drawFooters(pdf, document.reference, style(8, 0.4));
  for (const weight of Object.values(embedded)) for (const font of Object.values(weight)) font.write();

  pdf.setTitle(`${document.title.fr} — ${document.title.ar}`, { showInWindowTitleBar: true });
  pdf.setSubject(document.reference);
  pdf.setKeywords([document.reference]);
  pdf.setAuthor(document.issuer.fr.replaceAll('\n', ', '));
  pdf.setCreator('Raqmana');
  pdf.setProducer('Raqmana');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  return pdf.save();
}


/** Where the next block goes: the current page and the top of the space left on it. */
class PageFlow {
  page: PDFPage;
  y = PAGE_HEIGHT - TOP_MARGIN;

  constructor(private readonly pdf: PDFDocument) {
    this.page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  /** Starts a new page unless `height` points still fit above the bottom margin; tells whether it did. */
  reserve(height: number): boolean {
    if (this.y - height >= BOTTOM_MARGIN) return false;
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - TOP_MARGIN;
    return true;
  }

  skip(height: number): void {
    this.y -= height;
  }

  rule(thickness: number, gray: number): void {
    this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: RIGHT, y: this.y }, thickness, color: grayscale(gray) });
  }
}

type StyleOf = (size: number, gray?: number, weight?: Weight) => TextStyle;

interface Cell {
  readonly lines: readonly ShapedLine[];
  readonly style: TextStyle;
  readonly left: number;
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
}

/** `text` wrapped to a column starting at `left`; French is aligned left, Arabic right. */
function cell(text: string, direction: BaseDirection, style: TextStyle, left: number, width: number, align: Cell['align']): Cell {
  return { lines: layoutText(text, direction, style, width), style, left, width, align };
}

/**
 * Draws cells side by side, top-aligned, line by line. A block kept together moves to the next page when the rest of
 * this one is too short for it (unless no page is tall enough); another continues on the next page between two
 * lines, leaving no single line behind.
 */
function drawCells(flow: PageFlow, cells: readonly Cell[], keepTogether = true): void {
  const lineCount = Math.max(0, ...cells.map((cell) => cell.lines.length));
  const size = Math.max(...cells.map((cell) => cell.style.size));
  const lineHeight = size * LEADING;
  const together = keepTogether ? lineCount : Math.min(lineCount, ORPHAN_LINES);
  flow.reserve(Math.min(together * lineHeight, PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN));
  for (let index = 0; index < lineCount; index++) {
    flow.reserve(lineHeight);
    for (const cell of cells) {
      const line = cell.lines[index];
      if (!line) continue;
      const x =
        cell.align === 'left'
          ? cell.left
          : cell.align === 'right'
            ? cell.left + cell.width - line.width
            : cell.left + (cell.width - line.width) / 2;
      // One baseline across the cells, whatever their sizes.
      drawLine(flow.page, line, x, flow.y - size * BASELINE_FROM_TOP, cell.style);
    }
    flow.skip(lineHeight);
  }
}

function drawHeader(flow: PageFlow, document: BilingualDocument, style: StyleOf): void {
  const issuerStyle = style(11, 0, 'bold');
  drawCells(flow, [
    cell(document.issuer.fr, 'ltr', issuerStyle, LEFT, HALF_WIDTH, 'left'),
    cell(document.issuer.ar, 'rtl', issuerStyle, RIGHT - HALF_WIDTH, HALF_WIDTH, 'right'),
  ]);
  flow.skip(6);
  flow.rule(1, 0);
  flow.skip(18);
  drawCells(flow, [cell(document.title.ar, 'rtl', style(16, 0, 'bold'), LEFT, CONTENT_WIDTH, 'center')]);
  drawCells(flow, [cell(document.title.fr, 'ltr', style(14, 0, 'bold'), LEFT, CONTENT_WIDTH, 'center')]);
  flow.skip(14);
}

/** The label columns at both edges, the values between them. */
function drawRows(flow: PageFlow, rows: readonly DocumentRow[], style: StyleOf): void {
  const labelStyle = style(9.5, 0.35);
  const valueStyle = style(10.5);
  const frValueLeft = LEFT + LABEL_WIDTH + CELL_PADDING;
  const arValueLeft = frValueLeft + VALUE_WIDTH + CELL_PADDING;
  flow.rule(0.5, 0.6);
  for (const row of rows) {
    const values =
      typeof row.value === 'string'
        ? // Its own first strong letter sets the direction: a code reads left to right, a name in Arabic right to left.
          [cell(row.value, 'auto', valueStyle, frValueLeft, 2 * VALUE_WIDTH + CELL_PADDING, 'center')]
        : [
            cell(row.value.fr, 'ltr', valueStyle, frValueLeft, VALUE_WIDTH, 'left'),
            cell(row.value.ar, 'rtl', valueStyle, arValueLeft, VALUE_WIDTH, 'right'),
          ];
    const cells = [
      cell(row.label.fr, 'ltr', labelStyle, LEFT, LABEL_WIDTH, 'left'),
      ...values,
      cell(row.label.ar, 'rtl', labelStyle, RIGHT - LABEL_WIDTH, LABEL_WIDTH, 'right'),
    ];
    const height = Math.max(...cells.map((cell) => cell.lines.length)) * valueStyle.size * LEADING + 8;
    // A row carried over to a new page opens it with the table's top rule.
    if (flow.reserve(height)) flow.rule(0.5, 0.6);
    flow.skip(4);
    drawCells(flow, cells);
    flow.skip(4);
    flow.rule(0.5, 0.6);
  }
}

function drawQr(flow: PageFlow, qr: NonNullable<BilingualDocument['qr']>, style: StyleOf): void {
  const captionStyle = style(9, 0.25);
  const ar = cell(qr.caption.ar, 'rtl', captionStyle, LEFT, CONTENT_WIDTH, 'center');
  const fr = cell(qr.caption.fr, 'ltr', captionStyle, LEFT, CONTENT_WIDTH, 'center');
  flow.skip(12);
  flow.reserve(QR_SIZE + (ar.lines.length + fr.lines.length) * captionStyle.size * LEADING);
  drawQrCode(flow.page, qr.payload, (PAGE_WIDTH - QR_SIZE) / 2, flow.y - QR_SIZE, QR_SIZE);
  flow.skip(QR_SIZE);
  drawCells(flow, [ar]);
  drawCells(flow, [fr]);
}

/** The reference and the page number at the foot of every page, so that a loose page can be traced. */
function drawFooters(pdf: PDFDocument, reference: string, footerStyle: TextStyle): void {
  const pages = pdf.getPages();
  for (const [index, page] of pages.entries()) {
    const ruleY = BOTTOM_MARGIN - 24;
    page.drawLine({ start: { x: LEFT, y: ruleY }, end: { x: RIGHT, y: ruleY }, thickness: 0.5, color: grayscale(0.6) });
    for (const line of layoutText(`${reference} — ${index + 1}/${pages.length}`, 'ltr', footerStyle, CONTENT_WIDTH)) {
      drawLine(page, line, (PAGE_WIDTH - line.width) / 2, BOTTOM_MARGIN - 38, footerStyle);
    }
  }
}

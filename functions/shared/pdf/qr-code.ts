// Draws a QR code on a PDF page as filled squares: sharp at any zoom and print resolution, with no image to encode.
import qrcode from 'qrcode-generator';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor, type PDFPage } from 'pdf-lib';

/** Light modules a reader needs around the code to find it. */
const QUIET_ZONE_MODULES = 4;

/**
 * Draws the QR code of `payload` (UTF-8, error correction level M, which survives a folded or stained print) in a
 * `size`-point square, quiet zone included, whose lower left corner is at (`x`, `y`).
 */
export function drawQrCode(page: PDFPage, payload: string, x: number, y: number, size: number): void {
  const code = qrcode(0, 'M');
  // The library's byte mode takes one character per byte: UTF-8 bytes spelled as Latin-1 characters pass unchanged.
  code.addData(Buffer.from(payload, 'utf8').toString('latin1'), 'Byte');
  code.make();
  const count = code.getModuleCount();
  const module = size / (count + 2 * QUIET_ZONE_MODULES);
  const left = x + QUIET_ZONE_MODULES * module;
  const top = y + size - QUIET_ZONE_MODULES * module;

  // One path of one rectangle per horizontal stretch of dark modules, filled at once: no seams between modules.
  const operators = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!code.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && code.isDark(row, column)) column++;
      operators.push(rectangle(left + start * module, top - (row + 1) * module, (column - start) * module, module));
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

// `@pdf-lib/standard-fonts` as the function bundles carry it: an esbuild alias (see lib/constructs/function-bundling.ts)
// puts this module in its place. The package holds the metrics of the 14 standard PDF fonts (127 KB of every PDF
// renderer's bundle), and pdf-lib reads them only to draw with one of those fonts, which our documents never do: they
// draw in Vazirmatn alone (embedded-font.ts). pdf-lib reads the font names at import, so they are here; using a
// standard font fails with this error rather than drawing wrongly.
const absent = (): never => {
  throw new Error('Standard PDF fonts are left out of the function bundles: draw with the embedded fonts (functions/shared/pdf)');
};

/** The 14 standard fonts' names, as pdf-lib lists them at import. */
export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
} as const;

export const Font = { load: absent };

/** Read when a standard font is embedded, before its metrics are loaded. */
export const Encodings = new Proxy({}, { get: absent });

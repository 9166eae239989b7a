// `@pdf-lib/upng` as the function bundles carry it: an esbuild alias (see lib/constructs/function-bundling.ts) puts
// this module in its place. pdf-lib decodes PNG images with it (24 KB of every PDF renderer's bundle) and only to
// embed one, which our documents never do: their only picture, the QR code, is drawn as rectangles (qr-code.ts).
const absent = (): never => {
  throw new Error('PNG decoding is left out of the function bundles: our documents embed no image');
};

export default { decode: absent, toRGBA8: absent };

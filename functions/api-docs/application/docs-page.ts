// The /docs page: Redoc renders the OpenAPI document in the browser, from a script this platform serves itself.

/** Where the page finds its script and the document, relative to /docs so that a stage prefix keeps working. */
export const DOCS_SCRIPT_PATH = 'docs/redoc.standalone.js';
const DOCUMENT_PATH = 'openapi.json';

/**
 * What the page may load: its own script and document, Redoc's styles (injected as <style> elements) and its
 * search worker (a blob: URL). Nothing from another origin: no CDN, font or image, even where Redoc would ask.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function apiDocsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Raqmana API</title>
<style>body { margin: 0; font-family: system-ui, sans-serif; }</style>
</head>
<body>
<noscript>The machine-readable document is at <a href="${DOCUMENT_PATH}">${DOCUMENT_PATH}</a>.</noscript>
<redoc spec-url="${DOCUMENT_PATH}" hide-hostname="true"></redoc>
<script src="${DOCS_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

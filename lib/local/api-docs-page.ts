// Renders the OpenAPI document as one self-contained HTML page (no scripts, no CDN), served at /docs.
type Json = unknown;

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly unknown[];
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: Json }[];
  readonly requestBody?: { content: Record<string, { schema?: Json }> };
  readonly responses?: Record<string, { description: string; content?: Record<string, { schema?: Json }> }>;
}

interface Document {
  readonly info: { title: string; description?: string };
  readonly paths?: Record<string, Record<string, Operation>>;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function schemaBlock(schema: Json): string {
  return `<pre>${escape(JSON.stringify(schema, null, 2))}</pre>`;
}

function operationSection(path: string, method: string, operation: Operation): string {
  const parameters = (operation.parameters ?? [])
    .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escape(JSON.stringify(p.schema ?? {}))}</code></td></tr>`)
    .join('');
  const body = Object.entries(operation.requestBody?.content ?? {})
    .map(([type, content]) => `<h4>Request body <code>${escape(type)}</code></h4>${schemaBlock(content.schema ?? {})}`)
    .join('');
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => {
      const content = Object.entries(response.content ?? {})
        .map(([type, c]) => `<details><summary><code>${escape(type)}</code></summary>${schemaBlock(c.schema ?? {})}</details>`)
        .join('');
      return `<li><strong>${escape(status)}</strong> ${escape(response.description)}${content}</li>`;
    })
    .join('');
  return `<section id="${escape(`${method}-${path}`)}">
  <h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code>${operation.security?.length ? ' 🔒' : ''}</h3>
  <p>${escape(operation.summary ?? '')}</p><p><em>${escape(operation.description ?? '')}</em></p>
  ${parameters ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${parameters}</table>` : ''}
  ${body}<h4>Responses</h4><ul>${responses}</ul></section>`;
}

export function apiDocsPage(openApi: object): string {
  const document = openApi as Document;
  const sections = Object.entries(document.paths ?? {})
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => operationSection(path, method, operation)))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
section{border-top:1px solid #ccd;padding:.5rem 0}pre{background:#f4f6f8;padding:.5rem;overflow:auto;font-size:.8rem}
.method{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;background:#456;padding:0 .3rem}
.get{background:#1b7f4b}.post{background:#1d5fa8}.put{background:#a86b1d}.delete{background:#a81d2b}.patch{background:#6b1da8}
table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.2rem .5rem;text-align:left}</style></head>
<body><h1>${escape(document.info.title)}</h1><p>${escape(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>
${sections}</body></html>`;
}

// The catalogues as Turtle (RDF 1.1 Turtle), beside their JSON-LD: the same graph, written from the JSON-LD documents
// this context makes (compact form, a context of prefixes only, every key a prefixed name), so the two cannot tell
// different stories. Node objects with an `@id` and properties become subjects of their own, those without an
// `@id` blank nodes in brackets; IRIs relative to the API stay relative, resolved against the URL the document is
// read from, as in JSON-LD. Pure.

type JsonLdNode = Readonly<Record<string, unknown>>;

/** Characters an IRI reference may not hold between `<` and `>`, percent-encoded as UTF-8. */
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/gu;

const escapeIri = (iri: string) => iri.replace(IRI_FORBIDDEN, (character) => [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const quoted = (text: string) => `"${text.replace(/[\\"\n\r\t]/g, (character) => ESCAPES[character]!)}"`;

/** A prefixed name whose local part Turtle takes as it is (the context's keys are all of this kind). */
const SIMPLE_LOCAL = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function toTurtle(document: JsonLdNode): string {
  const prefixes = (document['@context'] ?? {}) as Readonly<Record<string, string>>;
  const subjects: string[] = [];

  const expanded = (value: string) => {
    const match = /^([A-Za-z][A-Za-z0-9_-]*):(.*)$/s.exec(value);
    return match && prefixes[match[1]!] !== undefined && !match[2]!.startsWith('//') ? `${prefixes[match[1]!]}${match[2]}` : value;
  };
  const iri = (value: string) => `<${escapeIri(expanded(value))}>`;
  const name = (value: string) => {
    const [prefix, local] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    return prefixes[prefix] !== undefined && SIMPLE_LOCAL.test(local) ? value : iri(value);
  };

  const object = (value: unknown, depth: number): string => {
    if (typeof value === 'string') return quoted(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const node = value as JsonLdNode;
    if ('@value' in node) {
      const literal = quoted(String(node['@value']));
      if (typeof node['@language'] === 'string') return `${literal}@${node['@language']}`;
      return typeof node['@type'] === 'string' ? `${literal}^^${name(node['@type'])}` : literal;
    }
    if (typeof node['@id'] === 'string') {
      if (Object.keys(node).some((key) => key !== '@id')) subjects.push(subject(node));
      return iri(node['@id']);
    }
    return `[\n${properties(node, depth + 1)}\n${'  '.repeat(depth)}]`;
  };

  const properties = (node: JsonLdNode, depth: number): string => {
    const indent = '  '.repeat(depth);
    const lines = Object.entries(node)
      .filter(([key]) => !key.startsWith('@') || key === '@type')
      .map(([key, value]) => {
        const values = Array.isArray(value) ? value : [value];
        const objects = key === '@type' ? values.map((type) => name(String(type))) : values.map((item) => object(item, depth));
        return `${indent}${key === '@type' ? 'a' : name(key)} ${objects.join(', ')}`;
      });
    return lines.join(' ;\n');
  };

  const subject = (node: JsonLdNode) => `${iri(String(node['@id']))}\n${properties(node, 1)} .`;

  // The document's own node first, then those it holds, in the order they are met.
  const top = subject(document);
  const header = Object.entries(prefixes).map(([prefix, namespace]) => `@prefix ${prefix}: <${escapeIri(namespace)}> .`);
  return `${[header.join('\n'), top, ...subjects].join('\n\n')}\n`;
}

// A commune's open-data catalogue in DCAT-AP: validated by rdf-validate-shacl against the DCAT-AP shapes of
// test/fixtures/dcat-ap (mandatory properties, cardinalities and kinds of value), and refused when a file has no
// access URL or a dataset no description; and in Turtle, the same graph as its JSON-LD (both read by parsers someone
// else wrote, the N3 parser and jsonld.js, then canonicalized), whatever their texts hold.
import { describe, expect, it } from 'vitest';
import { approveDataset, declareDataset, type Dataset, type DatasetFields } from '../../../functions/open-data/domain/dataset.ts';
import { storedDistribution } from '../../../functions/open-data/domain/fed-dataset.ts';
import { toTurtle } from '../../../functions/open-data/domain/turtle.ts';
import { catalogueIri, dcatCatalogue, nationalCatalogue } from '../../../functions/open-data/domain/dcat-catalogue.ts';
import { sameGraph, validateDcatAp } from '../../fixtures/dcat-ap/validate-dcat-ap.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const at = new Date('2026-06-15T09:00:00Z');
const publisher = { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } };

function published(id: string, fields: Partial<Dataset> = {}, declared: Partial<DatasetFields> = {}): Dataset {
  const draft = declareDataset(
    id,
    'rabat',
    {
      title: { ar: 'ميزانية الجماعة 2026', fr: 'Budget de la commune 2026' },
      description: { ar: 'الميزانية كما صادق عليها المجلس', fr: 'Le budget tel que voté par le conseil' },
      category: 'budget-and-accounts',
      accrualPeriodicity: 'ANNUAL',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      distributions: [
        { title: 'Budget 2026 (CSV)', mediaType: 'text/csv', accessURL: 'https://rabat.ma/open-data/budget-2026.csv' },
        { title: 'Budget 2026 (PDF)', mediaType: 'application/pdf', accessURL: 'https://rabat.ma/open-data/budget-2026.pdf' },
      ],
      ...declared,
    },
    agent,
    at,
  );
  return { ...approveDataset(draft, president, at).dataset, ...fields };
}

describe('the DCAT-AP catalogue', () => {
  it('conforms to the DCAT-AP shapes, and lists each published dataset for a harvester', async () => {
    const document = dcatCatalogue(publisher, [published('0b9a0a0e-1111-4c2d-8e3f-000000000001'), published('0b9a0a0e-1111-4c2d-8e3f-000000000002')], at);

    const report = await validateDcatAp(document);

    expect(report.violations).toEqual([]);
    expect(report.conforms).toBe(true);
    expect([...report.datasets].sort()).toEqual(['urn:raqmana:transparency:dataset:0b9a0a0e-1111-4c2d-8e3f-000000000001', 'urn:raqmana:transparency:dataset:0b9a0a0e-1111-4c2d-8e3f-000000000002']);
    expect(document['@id']).toBe(catalogueIri('rabat'));
  });

  it('conforms with no dataset published yet', async () => {
    expect((await validateDcatAp(dcatCatalogue(publisher, [], at))).conforms).toBe(true);
  });

  it('is refused by the validator when a file has no access URL or a dataset no description', async () => {
    const document = dcatCatalogue(publisher, [published('0b9a0a0e-1111-4c2d-8e3f-000000000003')], at) as { 'dcat:dataset': Record<string, unknown>[] };
    const [dataset] = document['dcat:dataset'];
    delete dataset!['dct:description'];
    delete (dataset!['dcat:distribution'] as Record<string, unknown>[])[0]!['dcat:accessURL'];

    const report = await validateDcatAp(document);

    expect(report.conforms).toBe(false);
    expect(report.violations).toHaveLength(2);
    expect(report.violations.join('\n')).toMatch(/description[\s\S]*accessURL|accessURL[\s\S]*description/);
  });
});

describe('the national catalogue', () => {
  const listed = [
    { code: 'rabat', names: publisher.names, modified: '2026-06-15T09:00:00.000Z', datasets: 2 },
    { code: 'casablanca', names: { ar: 'الدار البيضاء', fr: 'Casablanca' }, modified: '2026-06-14T09:00:00.000Z', datasets: 1 },
  ];
  const url = 'https://api.example.ma/v1/transparency/national-catalogue';

  it("conforms to the shapes, each commune's catalogue a dcat:Catalog with where it is read", async () => {
    const document = nationalCatalogue(listed, at) as { 'dcat:catalog': { '@id': string; 'foaf:homepage': { '@id': string } }[] };

    const report = await validateDcatAp(document, url);

    expect(report.violations).toEqual([]);
    expect(document['dcat:catalog'].map((catalogue) => [catalogue['@id'], catalogue['foaf:homepage']['@id']])).toEqual([
      [catalogueIri('casablanca'), '/v1/transparency/catalogues/casablanca'],
      [catalogueIri('rabat'), '/v1/transparency/catalogues/rabat'],
    ]);
  });

  it('is refused by the validator when a listed catalogue has no publisher', async () => {
    const document = nationalCatalogue(listed, at) as { 'dcat:catalog': Record<string, unknown>[] };
    delete document['dcat:catalog'][0]!['dct:publisher'];

    const report = await validateDcatAp(document, url);

    expect(report.conforms).toBe(false);
    expect(report.violations.join('\n')).toContain('publisher');
  });
});

/** A dataset whose texts hold what Turtle escapes: quotes, a backslash, a line break, a tab; and a contact point. */
const escaped = (id: string) =>
  published(id, {}, {
    title: { ar: 'ميزانية "الجماعة" 2026', fr: 'Budget \\ de la commune\n2026' },
    description: { ar: 'الميزانية كما صادق عليها المجلس', fr: "Le budget tel que voté par le conseil ; l'annexe\tjointe" },
    distributions: [{ title: 'Budget 2026 (PDF)', mediaType: 'application/pdf', accessURL: 'https://rabat.ma/open-data/budget 2026{v2}.pdf' }],
    contactPoint: { name: 'Service de la communication', email: 'communication@rabat.example.ma' },
  });
const BASE = 'https://api.raqmana.example/v1/transparency/catalogues/rabat';
const SHA = 'a'.repeat(64);

describe('a catalogue in Turtle', () => {
  it('holds the same graph as its JSON-LD, stored files, blank nodes and escaped texts included', async () => {
    const withFile = escaped('0b9a0a0e-3333-4c2d-8e3f-000000000002');
    const stored = storedDistribution(withFile.id, { title: 'Budget (CSV)', mediaType: 'text/csv', fileName: `${SHA}.csv`, sha256: SHA, byteSize: 1234 });
    const document = dcatCatalogue(publisher, [escaped('0b9a0a0e-3333-4c2d-8e3f-000000000001'), { ...withFile, distributions: [...withFile.distributions, stored] }], at);

    const turtle = toTurtle(document);
    const graphs = await sameGraph(document, turtle, BASE);

    expect(graphs.turtle).toBe(graphs.jsonLd);
    expect(graphs.jsonLd.split('\n').length).toBeGreaterThan(60);
    expect(graphs.turtle).toContain(`<https://api.raqmana.example/v1/transparency/datasets/${withFile.id}/files/${SHA}.csv>`);
  });

  it('conforms to the DCAT-AP shapes and lists the same datasets', async () => {
    const document = dcatCatalogue(publisher, [escaped('0b9a0a0e-3333-4c2d-8e3f-000000000003')], at);

    const [fromTurtle, fromJsonLd] = await Promise.all([validateDcatAp(toTurtle(document), BASE), validateDcatAp(document, BASE)]);

    expect(fromTurtle.violations).toEqual([]);
    expect(fromTurtle.datasets).toEqual(fromJsonLd.datasets);
  });

  it('holds the national catalogue too, each commune catalogue with its publisher', async () => {
    const document = nationalCatalogue(
      [
        { code: 'rabat', names: publisher.names, modified: at.toISOString(), datasets: 2 },
        { code: 'sale', names: { ar: 'سلا', fr: 'Salé' }, modified: at.toISOString(), datasets: 1 },
      ],
      at,
    );

    const graphs = await sameGraph(document, toTurtle(document), 'https://api.raqmana.example/v1/transparency/national-catalogue');

    expect(graphs.turtle).toBe(graphs.jsonLd);
    expect(graphs.turtle).toContain('<urn:raqmana:commune:sale>');
  });
});

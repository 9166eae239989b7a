// The catalogues in Turtle: the same graph as their JSON-LD (both read by parsers someone else wrote, the N3 parser
// and jsonld.js, then canonicalized), conforming to the DCAT-AP shapes, whatever their texts hold.
import { describe, expect, it } from 'vitest';
import { approveDataset, declareDataset, type Dataset } from '../../../functions/open-data/domain/dataset.ts';
import { dcatCatalogue, nationalCatalogue } from '../../../functions/open-data/domain/dcat-catalogue.ts';
import { storedDistribution } from '../../../functions/open-data/domain/fed-dataset.ts';
import { toTurtle } from '../../../functions/open-data/domain/turtle.ts';
import { sameGraph, validateDcatAp } from '../../fixtures/dcat-ap/validate-dcat-ap.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const at = new Date('2026-06-15T09:00:00Z');
const publisher = { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } };
const BASE = 'https://api.raqmana.example/v1/transparency/catalogues/rabat';
const SHA = 'a'.repeat(64);

function published(id: string, fields: Partial<Dataset> = {}): Dataset {
  const draft = declareDataset(
    id,
    'rabat',
    {
      title: { ar: 'ميزانية "الجماعة" 2026', fr: 'Budget \\ de la commune\n2026' },
      description: { ar: 'الميزانية كما صادق عليها المجلس', fr: "Le budget tel que voté par le conseil ; l'annexe\tjointe" },
      category: 'budget-and-accounts',
      accrualPeriodicity: 'ANNUAL',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      distributions: [{ title: 'Budget 2026 (PDF)', mediaType: 'application/pdf', accessURL: 'https://rabat.ma/open-data/budget 2026{v2}.pdf' }],
      contactPoint: { name: 'Service de la communication', email: 'communication@rabat.example.ma' },
    },
    agent,
    at,
  );
  return { ...approveDataset(draft, president, at).dataset, ...fields };
}

describe('a catalogue in Turtle', () => {
  it('holds the same graph as its JSON-LD, stored files, blank nodes and escaped texts included', async () => {
    const withFile = published('0b9a0a0e-3333-4c2d-8e3f-000000000002');
    const stored = storedDistribution(withFile.id, { title: 'Budget (CSV)', mediaType: 'text/csv', fileName: `${SHA}.csv`, sha256: SHA, byteSize: 1234 });
    const document = dcatCatalogue(publisher, [published('0b9a0a0e-3333-4c2d-8e3f-000000000001'), { ...withFile, distributions: [...withFile.distributions, stored] }], at);

    const turtle = toTurtle(document);
    const graphs = await sameGraph(document, turtle, BASE);

    expect(graphs.turtle).toBe(graphs.jsonLd);
    expect(graphs.jsonLd.split('\n').length).toBeGreaterThan(60);
    expect(graphs.turtle).toContain(`<https://api.raqmana.example/v1/transparency/datasets/${withFile.id}/files/${SHA}.csv>`);
  });

  it('conforms to the DCAT-AP shapes and lists the same datasets', async () => {
    const document = dcatCatalogue(publisher, [published('0b9a0a0e-3333-4c2d-8e3f-000000000003')], at);

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

// A commune's open-data catalogue as DCAT-AP in JSON-LD, for a harvester such as CKAN's ckanext-dcat: the catalogue
// (title, description, publisher, languages, modified), each published dataset (title and description in Arabic
// and French, theme, accrual periodicity, issued, its contact point where the agent named one) and its distributions (access URL, media type, licence).
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { Dataset, Distribution } from './dataset.ts';

const EU = 'http://publications.europa.eu/resource/authority';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
} as const;

/** The catalogue's IRIs: stable names of the commune's catalogue and of each dataset and file in it. */
export const catalogueIri = (commune: string) => `urn:raqmana:transparency:catalogue:${commune}`;
const datasetIri = (id: string) => `urn:raqmana:transparency:dataset:${id}`;

const bilingual = (text: { readonly ar: string; readonly fr: string }) => [
  { '@value': text.ar, '@language': 'ar' },
  { '@value': text.fr, '@language': 'fr' },
];

const dateTime = (instant: string) => ({ '@value': instant, '@type': 'xsd:dateTime' });

/**
 * A file the platform stores: where it is downloaded (relative to the API, resolved against the catalogue's own URL),
 * its size and its SHA-256 (SPDX checksum, as DCAT-AP has it).
 */
function storedFile(distribution: Distribution): Record<string, unknown> {
  if (!distribution.downloadURL || !distribution.sha256 || distribution.byteSize === undefined) return {};
  return {
    'dcat:downloadURL': { '@id': distribution.downloadURL },
    'dcat:byteSize': { '@value': String(distribution.byteSize), '@type': 'xsd:decimal' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': distribution.sha256, '@type': 'xsd:hexBinary' },
    },
  };
}

export interface CataloguePublisher {
  readonly code: string;
  readonly names: BilingualName;
}

/** What describes a commune's catalogue, in it and in the national catalogue that lists it. */
function communeCatalogueNode(publisher: CataloguePublisher, modified: string): Record<string, unknown> {
  const names = publisher.names;
  return {
    '@id': catalogueIri(publisher.code),
    '@type': 'dcat:Catalog',
    'dct:title': bilingual({ ar: `البيانات المفتوحة لجماعة ${names.ar}`, fr: `Données ouvertes de la commune de ${names.fr}` }),
    'dct:description': bilingual({
      ar: `المعلومات التي تنشرها جماعة ${names.ar} من تلقاء نفسها (القانون 31.13، المادة 10)`,
      fr: `Les informations que la commune de ${names.fr} publie d'elle-même (loi 31-13, article 10)`,
    }),
    'dct:publisher': { '@id': `urn:raqmana:commune:${publisher.code}`, '@type': 'foaf:Agent', 'foaf:name': bilingual(names) },
    'dct:language': [{ '@id': `${EU}/language/ARA` }, { '@id': `${EU}/language/FRA` }],
    'dct:modified': dateTime(modified),
  };
}

/** The catalogue of `publisher` listing `datasets` (the published ones), as of `at`. */
export function dcatCatalogue(publisher: CataloguePublisher, datasets: readonly Dataset[], at: Date): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    ...communeCatalogueNode(publisher, at.toISOString()),
    'dcat:dataset': datasets.map((dataset) => ({
      '@id': datasetIri(dataset.id),
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset.id,
      'dct:title': bilingual(dataset.title),
      'dct:description': bilingual(dataset.description),
      'dct:publisher': { '@id': `urn:raqmana:commune:${publisher.code}` },
      'dcat:keyword': dataset.category,
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/${dataset.accrualPeriodicity}` },
      'dct:issued': dateTime(dataset.publishedAt!),
      ...(dataset.modifiedAt && { 'dct:modified': dateTime(dataset.modifiedAt) }),
      ...(dataset.contactPoint && {
        'dcat:contactPoint': { '@type': 'vcard:Kind', 'vcard:fn': dataset.contactPoint.name, 'vcard:hasEmail': { '@id': `mailto:${dataset.contactPoint.email}` } },
      }),
      'dct:language': [{ '@id': `${EU}/language/ARA` }, { '@id': `${EU}/language/FRA` }],
      'dcat:distribution': dataset.distributions.map((distribution, index) => ({
        '@id': `${datasetIri(dataset.id)}:distribution:${index + 1}`,
        '@type': 'dcat:Distribution',
        'dct:title': distribution.title,
        'dcat:accessURL': { '@id': distribution.accessURL },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${distribution.mediaType}` },
        'dct:license': { '@id': dataset.license },
        ...storedFile(distribution),
      })),
    })),
  };
}

export const NATIONAL_CATALOGUE_IRI = 'urn:raqmana:transparency:catalogue:national';

/** A commune's catalogue as the national catalogue lists it: its publisher and when it last changed. */
export interface ListedCatalogue extends CataloguePublisher {
  readonly modified: string;
  readonly datasets: number;
}

/** Where a commune's catalogue is read, relative to the API (resolved against the national catalogue's URL). */
export const catalogueDownloadPath = (commune: string) => `/v1/transparency/catalogues/${commune}`;

/**
 * The national catalogue: every commune catalogue with a published dataset, as a `dcat:catalog` of it (DCAT 2's
 * catalogue of catalogues), each with its publisher, its modified instant and where a harvester reads it whole.
 */
export function nationalCatalogue(catalogues: readonly ListedCatalogue[], at: Date): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    '@id': NATIONAL_CATALOGUE_IRI,
    '@type': 'dcat:Catalog',
    'dct:title': bilingual({ ar: 'البيانات المفتوحة للجماعات الترابية', fr: 'Données ouvertes des collectivités territoriales' }),
    'dct:description': bilingual({
      ar: 'فهرس فهارس البيانات التي تنشرها الجماعات من تلقاء نفسها (القانون 31.13، المادة 10)',
      fr: "Le catalogue des catalogues de ce que les communes publient d'elles-mêmes (loi 31-13, article 10)",
    }),
    'dct:publisher': { '@id': 'urn:raqmana:platform', '@type': 'foaf:Agent', 'foaf:name': bilingual({ ar: 'منصة رقمنة', fr: 'Plateforme Raqmana' }) },
    'dct:language': [{ '@id': `${EU}/language/ARA` }, { '@id': `${EU}/language/FRA` }],
    'dct:modified': dateTime(at.toISOString()),
    'dcat:catalog': [...catalogues]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((catalogue) => ({ ...communeCatalogueNode(catalogue, catalogue.modified), 'foaf:homepage': { '@id': catalogueDownloadPath(catalogue.code) } })),
  };
}

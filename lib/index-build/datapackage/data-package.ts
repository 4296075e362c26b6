/**
 * The dataset researchers can cite (issue 21): the index as CSV files and a Frictionless Tabular
 * Data Package descriptor (https://specs.frictionlessdata.io/tabular-data-package/, v1), with a
 * README for R and pandas users. Pure: an index in, file names and their text out; `nsl export
 * --format datapackage` writes them.
 */
import type { NhsIndex } from '../../index/schema';
import { datasetReadme } from './readme';
import { CSV_DIALECT, type Licence, rowsToCsv, type TableDefinition, type TableLicence, tableSchemaOf } from './table-schema';
import { datasetRows, TABLES } from './tables';

/** The public sector information the organisations come from (ODS, ONS, GOV.UK, ERIC…). */
export const OGL: Licence = {
  name: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

/** This project's own licence (LICENSE; package.json `license`), for what it compiled and measured. */
export const PROJECT_LICENCE: Licence = {
  name: 'MIT',
  title: 'MIT License, the NHS Social Lens contributors',
  path: 'https://opensource.org/license/mit',
};

const licenceOf = (licence: TableLicence) => (licence === 'public' ? OGL : PROJECT_LICENCE);

/** The file a table is written to. */
export const fileOf = (table: Pick<TableDefinition, 'name'>) => `${table.name}.csv`;

/** A descriptor path may not hold "..": an address that does is named by its title alone. */
const usablePath = (url: string | undefined) => (url !== undefined && !url.includes('..') ? { path: url } : {});

/** The datapackage.json descriptor for `index`. */
export function dataPackageDescriptor(index: NhsIndex) {
  return {
    profile: 'tabular-data-package',
    name: 'nhs-social-lens',
    title: 'NHS Social Lens: NHS organisations and their official social media accounts',
    description: `The NHS Social Lens index, version ${index.indexVersion} (generated ${index.generatedAt}), as tables: NHS organisations in England, Wales, Scotland and Northern Ireland, their social media accounts, monthly figures and dated checks, each fact with its source and date. A missing value is an empty cell: not measured, never 0.`,
    version: String(index.indexVersion),
    /** The index version as a number, for programs comparing releases. */
    indexVersion: index.indexVersion,
    created: index.generatedAt,
    keywords: ['NHS', 'social media', 'public sector communication', 'health services'],
    contributors: [{ title: 'The NHS Social Lens contributors', role: 'author' }],
    licenses: [OGL, PROJECT_LICENCE],
    sources: index.sources.map((s) => ({ title: `${s.name} (${s.id}; ${s.licence}; ${s.date})`, ...usablePath(s.url) })),
    resources: TABLES.map((table) => ({
      name: table.name,
      path: fileOf(table),
      profile: 'tabular-data-resource',
      title: table.title,
      description: table.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { ...CSV_DIALECT },
      licenses: [licenceOf(table.licence)],
      schema: tableSchemaOf(table),
    })),
  };
}

/** Every file of the dataset, by name: the CSV files, datapackage.json and README.md. */
export function dataPackageFiles(index: NhsIndex): Map<string, string> {
  const rows = datasetRows(index);
  const files = new Map<string, string>();
  for (const table of TABLES) files.set(fileOf(table), rowsToCsv(table, rows[table.name] ?? []));
  files.set('datapackage.json', `${JSON.stringify(dataPackageDescriptor(index), null, 2)}\n`);
  files.set(
    'README.md',
    datasetReadme(
      index,
      TABLES.map((table) => ({ table, rows: (rows[table.name] ?? []).length, licence: licenceOf(table.licence) })),
    ),
  );
  return files;
}

/**
 * The dataset's README.md (issue 21): how to load it in R (readr) and Python (pandas), and what
 * each file and column holds, written from the same table definitions as the descriptor, so the
 * two always agree.
 */
import type { NhsIndex } from '../../index/schema';
import type { FieldType, Licence, TableDefinition } from './table-schema';
import { FACT_DATE } from './tables';

const R_TYPES: Record<FieldType, string> = {
  string: 'col_character()',
  yearmonth: 'col_character()',
  integer: 'col_integer()',
  number: 'col_double()',
};
const PANDAS_TYPES: Record<FieldType, string> = { string: 'string', yearmonth: 'string', integer: 'Int64', number: 'Float64' };

/** The readr call for a table: every column typed, an empty cell the only missing value. */
function readrCall(table: TableDefinition): string {
  const typed = table.fields.filter((f) => R_TYPES[f.type] !== 'col_character()').map((f) => `${f.name} = ${R_TYPES[f.type]}`);
  const types = ['.default = col_character()', ...typed].join(', ');
  return `${table.name} <- read_csv("${table.name}.csv", na = "", col_types = cols(${types}))`;
}

/** The pandas call for a table, with nullable types so a missing figure stays missing (never 0 or NaN-as-float). */
function pandasCall(table: TableDefinition): string {
  const types = table.fields.map((f) => `"${f.name}": "${PANDAS_TYPES[f.type]}"`).join(', ');
  // The dates mix days, months and years (issue 28): pandas infers one format from the first
  // value and fails on the others unless told they are ISO 8601.
  const dates = table.fields
    .filter((f) => f.constraints?.pattern === FACT_DATE)
    .map((f) => `${table.name}["${f.name}"] = pd.to_datetime(${table.name}["${f.name}"], format="ISO8601")`);
  return [`${table.name} = pd.read_csv("${table.name}.csv", keep_default_na=False, na_values=[""], dtype={${types}})`, ...dates].join('\n');
}

export interface TableSummary {
  table: TableDefinition;
  rows: number;
  licence: Licence;
}

/** README.md for the dataset of `index`. */
export function datasetReadme(index: NhsIndex, tables: readonly TableSummary[]): string {
  const lines = [
    '# NHS Social Lens dataset',
    '',
    `NHS organisations in England, Wales, Scotland and Northern Ireland and their official social media accounts, from the NHS Social Lens index version ${index.indexVersion} (generated ${index.generatedAt}). Every fact carries its source (an id in \`sources.csv\`) and the date it was checked.`,
    '',
    'The files are a [Frictionless Tabular Data Package](https://specs.frictionlessdata.io/tabular-data-package/): `datapackage.json` describes each CSV file’s columns, types, keys and licence.',
    '',
    '- The only missing value is an **empty cell**: a figure that was not measured, never 0; an organisation whose accounts nobody has checked has the level `unknown`, never `none`.',
    '- CSV is UTF-8 with a header row, `,` between cells, `"` around a cell that needs it and CRLF line ends (RFC 4180); `datapackage.json` declares this dialect on every file. Every value is exactly as the index holds it: a handle such as `@nhs` is not guarded against spreadsheets, so open the files in R, pandas or a Frictionless tool rather than a spreadsheet (the dashboard’s CSV download is the spreadsheet-safe one).',
    '- Dates are `YYYY-MM-DD`, or `YYYY-MM` or `YYYY` where the source is no more precise, so they are read as text.',
    '',
    '## Files',
    '',
    '| File | Rows | What it holds | Licence |',
    '|---|---|---|---|',
    ...tables.map(({ table, rows, licence }) => `| \`${table.name}.csv\` | ${rows} | ${table.description} | ${licence.title} |`),
    '',
    'Keys: `accounts.organisation_id`, `checks.organisation_id` and `metrics.organisation_id` are an `organisations.id`; `metrics` (organisation_id, account_url) is an account in `accounts` (organisation_id, url); every `source` is a `sources.id`.',
    '',
    '## In R (readr)',
    '',
    '```r',
    'library(readr)',
    ...tables.map(({ table }) => readrCall(table)),
    '```',
    '',
    'Or with the frictionless package, which reads the types from `datapackage.json`: `package <- frictionless::read_package("datapackage.json"); accounts <- frictionless::read_resource(package, "accounts")`.',
    '',
    '## In Python (pandas)',
    '',
    '```python',
    'import pandas as pd',
    '',
    ...tables.map(({ table }) => pandasCall(table)),
    '```',
    '',
    '`keep_default_na=False` matters: pandas would otherwise read a handle such as `NA` or `null` as missing. `format="ISO8601"` (pandas 2.0 or later) reads the dates whatever their precision; a month alone becomes its first day, a year alone 1 January, so keep the text column where the precision matters.',
    '',
    '## Columns',
    '',
  ];
  for (const { table } of tables) {
    lines.push(
      `### ${table.name}.csv: ${table.title}`,
      '',
      `Key: ${table.primaryKey.join(', ')}.`,
      '',
      '| Column | Type | Meaning |',
      '|---|---|---|',
    );
    for (const f of table.fields) {
      const allowed = f.constraints?.enum ? ` One of: ${f.constraints.enum.join(', ')}.` : '';
      lines.push(`| \`${f.name}\` | ${f.type}${f.constraints?.required ? ', always given' : ''} | ${f.description}${allowed} |`);
    }
    lines.push('');
  }
  lines.push(
    '## Licences and citing',
    '',
    'Organisations’ records are public sector information under the Open Government Licence v3.0; the accounts, figures, checks and source list as compiled by NHS Social Lens are under the MIT License. Each source keeps its own licence (`sources.csv`). Cite the dataset as `CITATION.cff` in the NHS Social Lens repository says, with the index version above.',
    '',
  );
  return lines.join('\n');
}

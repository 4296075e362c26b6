/**
 * The few parts of Frictionless Table Schema v1 (https://specs.frictionlessdata.io/table-schema/)
 * the dataset uses (issue 21), and the CSV writing of rows that fit them. The test checks every
 * row written against the schema it is published with, so the two cannot drift apart.
 */
import { csvQuoted } from '../../dashboard/export';

/** The field types the dataset uses: each one a type Table Schema v1 defines. */
export type FieldType = 'string' | 'integer' | 'number' | 'yearmonth';

export interface TableField {
  name: string;
  type: FieldType;
  /** `uri` for addresses; strings otherwise have the default format. */
  format?: 'uri';
  description: string;
  constraints?: {
    required?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A licence as a descriptor names it. */
export interface Licence {
  /** An Open Definition licence id. */
  name: string;
  title: string;
  path: string;
}

/** Whose licence a table's content is under: the public sector's (OGL) or this project's. */
export type TableLicence = 'public' | 'project';

export interface TableDefinition {
  /** The resource name: lower case, as the Data Package profile requires. */
  name: string;
  title: string;
  description: string;
  licence: TableLicence;
  fields: TableField[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** One cell: a missing value is `undefined`, written as an empty cell (never 0, never "none"). */
export type Cell = string | number | undefined;
export type Row = Record<string, Cell>;

/**
 * How every file is written, declared on each resource (CSV Dialect, Data Package v1): without it a
 * validator guesses the delimiter from a sample, and frictionless-py guessed `;` for checks.csv and
 * reported 492 errors (issue 28).
 */
export const CSV_DIALECT = { delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n', header: true } as const;

/** The only missing value the tables use: an empty cell. */
export const MISSING_VALUES = [''] as const;

/** The rows as CSV (RFC 4180: a header, CRLF line ends), columns in the schema's order. */
export function rowsToCsv(table: TableDefinition, rows: readonly Row[]): string {
  const lines = [table.fields.map((f) => f.name).join(',')];
  for (const row of rows)
    lines.push(
      table.fields
        .map((field) => {
          const value = row[field.name];
          if (value === undefined) return '';
          // Every value exactly as it is (issue 28): the dataset is for R, pandas and Frictionless, which
          // would keep a spreadsheet's formula-guarding apostrophe as part of a handle; numbers are plain.
          return typeof value === 'number' ? String(value) : csvQuoted(value);
        })
        .join(','),
    );
  return lines.map((line) => `${line}\r\n`).join('');
}

/** The Table Schema descriptor of a table. */
export function tableSchemaOf(table: TableDefinition) {
  return {
    fields: table.fields.map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.format !== undefined ? { format: f.format } : {}),
      description: f.description,
      ...(f.constraints !== undefined ? { constraints: { ...f.constraints } } : {}),
    })),
    primaryKey: table.primaryKey,
    ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys } : {}),
    missingValues: [...MISSING_VALUES],
  };
}

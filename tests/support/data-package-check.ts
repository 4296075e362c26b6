import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from '../../lib/index-build/csv';
import { frictionlessDelimiter } from './csv-sniffer';

/**
 * Checks a dataset against the published specifications (issue 21): the descriptor against the
 * Tabular Data Package v1 JSON Schema, and every CSV row against the Table Schema the descriptor
 * gives it (Table Schema v1: types, constraints, missing values, primary and foreign keys), each
 * file read with the delimiter frictionless-py would use: the declared dialect's, or its guess
 * when a resource declares none (issue 28: it guessed `;` and reported 492 errors).
 */
const SCHEMAS = join(process.cwd(), 'tests/fixtures/schemas');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** The errors of `descriptor` against the Tabular Data Package v1 schema, as text ('' when valid). */
export function descriptorErrors(descriptor: unknown): string {
  // The Frictionless schemas are draft-04 with annotation keywords of their own (strict: false)
  // and a non-standard `textarea` format.
  const ajv = new Ajv04({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  const validate = ajv.compile(readJson(join(SCHEMAS, 'tabular-data-package.json')));
  return validate(descriptor) ? '' : ajv.errorsText(validate.errors);
}

/** The errors of a CITATION.cff text against the CFF 1.2.0 schema ('' when valid). */
export function citationErrors(cffText: string): string {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(readJson(join(SCHEMAS, 'citation-cff-1.2.0.schema.json')));
  return validate(parseYaml(cffText)) ? '' : ajv.errorsText(validate.errors);
}

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; enum?: readonly string[]; pattern?: string; minimum?: number; maximum?: number };
}
interface Resource {
  name: string;
  path: string;
  dialect?: { delimiter?: string; quoteChar?: string; doubleQuote?: boolean; header?: boolean; lineTerminator?: string };
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
    missingValues: string[];
  };
}

/** Why `value` does not fit `field` (undefined when it does). */
export function cellProblem(field: Field, value: string | undefined): string | undefined {
  const c = field.constraints ?? {};
  if (value === undefined) return c.required ? 'is required' : undefined;
  if (field.type === 'integer' && !/^[+-]?\d+$/.test(value)) return `"${value}" is not an integer`;
  if (field.type === 'number' && !(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) || ['NaN', 'INF', '-INF'].includes(value)))
    return `"${value}" is not a number`;
  if (field.type === 'yearmonth' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return `"${value}" is not a year and month`;
  if (!['string', 'integer', 'number', 'yearmonth'].includes(field.type)) return `type ${field.type} is not checked here`;
  if (field.format === 'uri' && !URL.canParse(value)) return `"${value}" is not a URI`;
  if (c.enum && !c.enum.includes(value)) return `"${value}" is not one of ${c.enum.join(', ')}`;
  // Table Schema patterns are XML Schema regular expressions: implicitly anchored.
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`).test(value)) return `"${value}" does not match ${c.pattern}`;
  if (c.minimum !== undefined && Number(value) < c.minimum) return `${value} is below ${c.minimum}`;
  if (c.maximum !== undefined && Number(value) > c.maximum) return `${value} is above ${c.maximum}`;
  return undefined;
}

/** Every problem of the CSV files in `dir` against the descriptor's Table Schemas, and the rows read per resource. */
export function rowProblems(dir: string, descriptor: { resources: Resource[] }): { problems: string[]; rows: Map<string, number> } {
  const problems: string[] = [];
  const tables = new Map<string, Record<string, string | undefined>[]>();
  for (const resource of descriptor.resources) {
    const text = readFileSync(join(dir, resource.path), 'utf8');
    const dialect = resource.dialect;
    if (dialect === undefined) problems.push(`${resource.path}: no CSV dialect declared, so a validator guesses the delimiter`);
    else if (dialect.quoteChar !== '"' || dialect.doubleQuote !== true || dialect.header !== true || dialect.lineTerminator !== '\r\n')
      problems.push(`${resource.path}: dialect ${JSON.stringify(dialect)} is not how the file is written (RFC 4180)`);
    const delimiter = frictionlessDelimiter(text, dialect?.delimiter);
    if (delimiter !== ',') problems.push(`${resource.path}: a validator reads it with the delimiter ${JSON.stringify(delimiter)}`);
    const [header, ...rows] = parseCsv(text, delimiter);
    const names = resource.schema.fields.map((f) => f.name);
    if (JSON.stringify(header) !== JSON.stringify(names))
      problems.push(`${resource.path}: header ${header?.join(',')} is not ${names.join(',')}`);
    const records = rows.map((row, i) => {
      if (row.length !== names.length) problems.push(`${resource.path} row ${i + 2}: ${row.length} cells, not ${names.length}`);
      return Object.fromEntries(
        resource.schema.fields.map((f, j) => {
          const raw = row[j] ?? '';
          return [f.name, resource.schema.missingValues.includes(raw) ? undefined : raw];
        }),
      );
    });
    records.forEach((record, i) => {
      for (const field of resource.schema.fields) {
        const problem = cellProblem(field, record[field.name]);
        if (problem) problems.push(`${resource.path} row ${i + 2} ${field.name}: ${problem}`);
      }
    });
    const keys = new Set<string>();
    records.forEach((record, i) => {
      const key = JSON.stringify(resource.schema.primaryKey.map((k) => record[k]));
      if (keys.has(key)) problems.push(`${resource.path} row ${i + 2}: primary key ${key} repeated`);
      keys.add(key);
    });
    tables.set(resource.name, records);
  }
  for (const resource of descriptor.resources) {
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = tables.get(fk.reference.resource) ?? [];
      const targetKeys = new Set(target.map((r) => JSON.stringify(fk.reference.fields.map((f) => r[f]))));
      (tables.get(resource.name) ?? []).forEach((record, i) => {
        const values = fk.fields.map((f) => record[f]);
        // A foreign key with a missing part refers to nothing (Table Schema: null values are not checked).
        if (values.some((value) => value === undefined)) return;
        if (!targetKeys.has(JSON.stringify(values)))
          problems.push(`${resource.path} row ${i + 2}: ${fk.fields.join('+')} ${values.join(' ')} not in ${fk.reference.resource}`);
      });
    }
  }
  return { problems, rows: new Map([...tables].map(([name, records]) => [name, records.length])) };
}

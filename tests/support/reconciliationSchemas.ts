import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'reconciliation-0.2');
const BASE = 'https://reconciliation-api.github.io/specs/0.2/schemas/';

/** The names of the spec's schemas kept in tests/fixtures/reconciliation-0.2 (README there says from where). */
export type SpecSchema =
  | 'manifest'
  | 'reconciliation-query-batch'
  | 'reconciliation-result-batch'
  | 'suggest-entities-response'
  | 'suggest-properties-response'
  | 'suggest-types-response';

/**
 * Returns a validator per schema of the Reconciliation API 0.2, compiled by Ajv 8 from the files
 * as published (see the fixtures' README for the two adjustments: `$schema` ignored, the Swagger
 * reference of `authentication` replaced by an empty schema).
 */
export function reconciliationValidators(): Record<SpecSchema, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'http://swagger.io/v2/schema.json', definitions: { securityDefinitions: { additionalProperties: {} } } });
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const { $schema: _ignored, ...schema } = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema);
  }
  const get = (name: string) => {
    // The query batch schema's $id says reconciliation-query.json; the others match their file names.
    const id = name === 'reconciliation-query-batch' ? `${BASE}reconciliation-query.json` : `${BASE}${name}.json`;
    const validate = ajv.getSchema(id);
    if (!validate) throw new Error(`schema ${id} not loaded`);
    return validate;
  };
  return {
    manifest: get('manifest'),
    'reconciliation-query-batch': get('reconciliation-query-batch'),
    'reconciliation-result-batch': get('reconciliation-result-batch'),
    'suggest-entities-response': get('suggest-entities-response'),
    'suggest-properties-response': get('suggest-properties-response'),
    'suggest-types-response': get('suggest-types-response'),
  };
}

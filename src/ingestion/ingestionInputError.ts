/**
 * An article ingestion cannot read: the API maps it to BAD_USER_INPUT with the field and value,
 * never to an internal error.
 */
export class IngestionInputError extends Error {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${field}: ${message} (got ${JSON.stringify(value)})`);
    this.name = 'IngestionInputError';
  }
}

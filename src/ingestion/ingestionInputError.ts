import { BadInputError } from '../errors/domainErrors';

/**
 * An article ingestion cannot read: a BadInputError, so the API answers BAD_USER_INPUT naming the
 * field and its value, never an internal error.
 */
export class IngestionInputError extends BadInputError {
  constructor(
    readonly field: string,
    value: unknown,
    message: string,
  ) {
    super(field, value, message);
    this.name = 'IngestionInputError';
  }
}

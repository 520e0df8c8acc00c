/** The state store cannot be used: the message says which file and what to do. */
export class StoreError extends Error {
  readonly code = 'STORE_ERROR';

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

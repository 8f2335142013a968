/** Given a value a switch should have exhausted, throws (the compiler proves it unreachable; Apollo's UnreachableCaseError). */
export function assertNever(value: never): never {
  throw new Error(`Unreachable: ${JSON.stringify(value)}`);
}

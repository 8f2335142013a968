import { ownedTestDatabase } from './globalSetup';

/** Stops the embedded test database that globalSetup started and deletes its data folder. */
export default async function globalTeardown(): Promise<void> {
  await ownedTestDatabase()?.stop();
}

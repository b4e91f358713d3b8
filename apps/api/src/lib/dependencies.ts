import type { Config } from '../config.ts';
import type { Database, DatabaseConnection } from '../db/client.ts';

/** What the app is built from. Tests pass a real database and may pass a clock they control. */
export interface AppDependencies {
  config: Config;
  db: Database;
  connection: DatabaseConnection;
  clock: () => Date;
}

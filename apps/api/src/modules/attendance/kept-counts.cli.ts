/**
 * `npm run counts:check`: recounts every placement's marks by month and code and compares them with the
 * counts the database keeps. Prints each difference and exits 1 when there is one (never expected: the
 * counts are kept in the same statement as the marks). `-- --repair` counts them again from the marks.
 */
import { loadConfig } from '../../config.ts';
import { connectDatabase } from '../../db/client.ts';
import { keptCountDifferences, recountKeptCounts } from './kept-counts.ts';

const config = loadConfig();
const connection = await connectDatabase(config.database);
try {
  const differences = await keptCountDifferences(connection.db);
  if (!differences.length) console.log('The kept attendance counts agree with the marks.');
  else {
    console.error(`${differences.length} kept attendance counts differ from the marks:`);
    for (const d of differences.slice(0, 50))
      console.error(
        `  placement ${d.placementId}, ${d.month.slice(0, 7)}, code ${d.code}: ${d.kept} kept, ${d.counted} counted`,
      );
    if (process.argv.includes('--repair')) {
      await recountKeptCounts(connection.db);
      console.log('Counted again from the marks.');
    } else process.exitCode = 1;
  }
} finally {
  await connection.close();
}

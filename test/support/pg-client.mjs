// Runs work on a PostgreSQL connection of its own and closes it, for the test harnesses that create,
// query and drop databases outside the app. Plain JavaScript, so that the instance tests share it.
import pg from 'pg';

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

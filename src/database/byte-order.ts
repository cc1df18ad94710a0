import type { DataSource } from 'typeorm';

// Text sorts by its UTF-8 bytes on both databases: SQLite's BINARY default, and PostgreSQL's "C"
// collation whatever locale the database was created with, so a list comes back in the same order.
export function byteOrder(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'postgres' ? `${column} COLLATE "C"` : column;
}

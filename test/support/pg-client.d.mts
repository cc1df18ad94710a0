import type pg from 'pg';

export function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T>;

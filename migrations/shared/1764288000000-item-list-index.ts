import type { MigrationInterface, QueryRunner } from 'typeorm';

// The item list filtered by category and state (the most common filter), paged in slug order:
// the page and its total are found through this index. Portable SQL: PostgreSQL runs it too.
export class ItemListIndex1764288000000 implements MigrationInterface {
  name = 'ItemListIndex1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_items_category_state" ON "items" ("category", "state", "slug")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_items_category_state"`);
  }
}

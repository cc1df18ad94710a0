import type { MigrationInterface, QueryRunner } from 'typeorm';

// People's console accounts: only the argon2id hash of a password is stored.
export class Accounts1765300000000 implements MigrationInterface {
  name = 'Accounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "display_name" varchar(100) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" varchar(200) NOT NULL, "created_at" varchar(24) NOT NULL, "disabled_at" varchar(24))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_accounts_username" ON "accounts" ("username")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// People's console accounts: only the argon2id hash of a password is stored.
export class Accounts1765300000000 implements MigrationInterface {
  name = 'Accounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" SERIAL NOT NULL, "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "password_hash" character varying(200) NOT NULL, "created_at" character varying(24) NOT NULL, "disabled_at" character varying(24), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_accounts_username" ON "accounts" ("username")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}

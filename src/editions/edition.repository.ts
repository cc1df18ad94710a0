import { isPrintable } from '../common/validators.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { insertUnique } from '../database/insert-unique.js';
import { hasRows, insertRows } from '../database/table-rows.js';
import { EditionEntity } from './edition.entity.js';

// The editions table: written once per edition, never updated or deleted.
@Injectable()
export class EditionRepository {
  insert(manager: EntityManager, edition: EditionEntity): Promise<void> {
    return insertUnique(manager, EditionEntity, edition, { slug: edition.slug }, () => {
      return new DomainError('slug_taken', `An edition already has the slug "${edition.slug}".`, {
        slug: edition.slug,
      });
    });
  }

  // A key that could never be a slug (a NUL byte, which PostgreSQL refuses to compare) names none.
  async findBySlug(manager: EntityManager, slug: string): Promise<EditionEntity | null> {
    return isPrintable(slug) ? manager.findOneBy(EditionEntity, { slug }) : null;
  }

  // Newest first, without their reports' bytes.
  all(manager: EntityManager): Promise<Omit<EditionEntity, 'json' | 'csv' | 'md' | 'html'>[]> {
    return manager.find(EditionEntity, {
      select: {
        slug: true,
        title: true,
        report: true,
        query: true,
        headHash: true,
        headEvents: true,
        publishedAt: true,
        publishedBy: true,
      },
      order: { publishedAt: 'DESC', slug: 'DESC' },
    });
  }

  // For the transfer: every edition in the order published, one at a time (each holds four
  // reports), and a bulk insert.
  async *exportPages(manager: EntityManager): AsyncGenerator<EditionEntity> {
    for (const { slug } of await this.all(manager)) {
      const edition = await this.findBySlug(manager, slug);
      if (edition) {
        yield edition;
      }
    }
  }

  insertExact(manager: EntityManager, columns: readonly string[], rows: readonly EditionEntity[]): Promise<void> {
    return insertRows(manager, EditionEntity, columns, rows);
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return !(await hasRows(manager, EditionEntity));
  }
}

import type { EntityManager } from 'typeorm';
import type { ReporterRecord, ReporterRecords } from '../application/ports';
import { languageOrDefault, type ReporterContact } from '../domain/audience';
import type { SecretBox } from './aes-secret-box';
import { ReporterContactEntity } from './reporter-contact.entity';

/** Reporter contacts and complaint bodies, sealed with AES-256-GCM. */
export class PostgresReporterRecords implements ReporterRecords {
  constructor(
    private readonly manager: EntityManager,
    private readonly box: SecretBox,
  ) {}

  async remember(complaintId: string, record: ReporterRecord, at: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(ReporterContactEntity)
      .values({
        complaintId,
        language: record.language,
        contactSealed: record.contact ? this.box.seal(JSON.stringify(record.contact)) : null,
        bodySealed: record.body === null ? null : this.box.seal(record.body),
        createdAt: at,
      })
      .orIgnore()
      .execute();
  }

  async find(complaintId: string): Promise<ReporterRecord | null> {
    const row = await this.manager.findOne(ReporterContactEntity, { where: { complaintId } });
    if (!row) return null;
    return {
      language: languageOrDefault(row.language),
      contact:
        row.contactSealed === null
          ? null
          : (JSON.parse(this.box.open(row.contactSealed)) as ReporterContact),
      body: row.bodySealed === null ? null : this.box.open(row.bodySealed),
    };
  }
}

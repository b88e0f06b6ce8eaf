import { type Kysely, type Selectable, sql } from 'kysely';
import {
  type PracticeEntry,
  type ProgramNotes,
  practiceEntrySchema,
  programNotesSchema,
} from '../core/season/interview-prep.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema, InterviewPracticeTable } from './schema.js';

export interface StoredProgramNotes extends ProgramNotes {
  updatedAt: string;
}

export interface InterviewPrepRepository {
  /** Practice sessions, newest first; only those about one program when `acgmeId` is given. */
  listPractice(filter?: { acgmeId?: string }): Promise<PracticeEntry[]>;
  insertPractice(entry: PracticeEntry): Promise<PracticeEntry>;
  deletePractice(id: string): Promise<boolean>;
  /** The ACGME ids of the programs with notes, in id order. */
  listNotedPrograms(): Promise<string[]>;
  /** The notes kept for one program, or null when none were saved. */
  getNotes(acgmeId: string): Promise<StoredProgramNotes | null>;
  /** Creates or replaces the notes of one program. */
  saveNotes(acgmeId: string, notes: ProgramNotes): Promise<StoredProgramNotes>;
}

function fromPracticeRow(row: Selectable<InterviewPracticeTable>): PracticeEntry {
  return parseStoredRow(
    practiceEntrySchema,
    {
      id: row.id,
      questionId: row.question_id,
      questionText: row.question_text,
      acgmeId: row.acgme_id,
      practicedOn: row.practiced_on,
      rating: row.rating,
      notes: row.notes,
    },
    `practice entry ${row.id}`,
  );
}

/** One owner's interview preparation: every read filters by `ownerId`, every write stores it. */
export function createInterviewPrepRepository(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
): InterviewPrepRepository {
  const readNotes = async (acgmeId: string): Promise<StoredProgramNotes | null> => {
    const row = await db
      .selectFrom('program_notes')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('acgme_id', '=', acgmeId)
      .executeTakeFirst();
    if (!row) return null;
    const notes = parseStoredRow(
      programNotesSchema,
      { whatToMention: row.what_to_mention, notes: row.notes },
      `program notes ${acgmeId}`,
    );
    return { ...notes, updatedAt: new Date(row.updated_at).toISOString() };
  };

  return {
    async listPractice(filter = {}) {
      let query = db.selectFrom('interview_practice').selectAll().where('owner_id', '=', ownerId);
      if (filter.acgmeId !== undefined) query = query.where('acgme_id', '=', filter.acgmeId);
      const rows = await query.orderBy('practiced_on', 'desc').orderBy('seq', 'desc').execute();
      return rows.map(fromPracticeRow);
    },

    async insertPractice(entry) {
      const e = practiceEntrySchema.parse(entry);
      await db
        .insertInto('interview_practice')
        .values({
          owner_id: ownerId,
          id: e.id,
          question_id: e.questionId,
          question_text: e.questionText,
          acgme_id: e.acgmeId,
          practiced_on: e.practicedOn,
          rating: e.rating,
          notes: e.notes,
        })
        .execute();
      return e;
    },

    async deletePractice(id) {
      const result = await db
        .deleteFrom('interview_practice')
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listNotedPrograms() {
      const rows = await db
        .selectFrom('program_notes')
        .select('acgme_id')
        .where('owner_id', '=', ownerId)
        .orderBy('acgme_id')
        .execute();
      return rows.map((row) => row.acgme_id);
    },

    getNotes: readNotes,

    async saveNotes(acgmeId, notes) {
      const n = programNotesSchema.parse(notes);
      await db
        .insertInto('program_notes')
        .values({ owner_id: ownerId, acgme_id: acgmeId, what_to_mention: n.whatToMention, notes: n.notes })
        .onConflict((oc) =>
          oc
            .columns(['owner_id', 'acgme_id'])
            .doUpdateSet({ what_to_mention: n.whatToMention, notes: n.notes, updated_at: sql<Date>`now()` }),
        )
        .execute();
      const saved = await readNotes(acgmeId);
      if (saved === null) throw new Error(`Program notes for ${acgmeId} were not saved`);
      return saved;
    },
  };
}

import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { type Program, programSchema } from '../core/catalog/program.js';
import type { Specialty } from '../core/catalog/specialty.js';
import { containsPattern } from './like-pattern.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema, ProgramsTable } from './schema.js';

/** Every filter is optional; an empty list means "no filter", not "match nothing". */
export interface ProgramFilter {
  states?: string[];
  divisions?: string[];
  /** Case-insensitive, literal (no wildcards) substring of name, institution, city or ACGME id. */
  search?: string;
  specialty?: Specialty;
  synthetic?: boolean;
}

export interface ProgramCount {
  total: number;
  synthetic: number;
}

export interface ProgramRepository {
  /** Programs matching the filter, ordered by state, then name (case-insensitive), then ACGME id. */
  list(filter?: ProgramFilter): Promise<Program[]>;
  get(acgmeId: string): Promise<Program | null>;
  /** The stored programs among `ids`, keyed by ACGME id; ids not stored are absent from the map. */
  getMany(ids: readonly string[]): Promise<Map<string, Program>>;
  /**
   * Inserts new programs and overwrites stored ones column for column — the caller has already merged
   * imported values into what was stored. Never deletes. Atomic: runs in a transaction of its own unless
   * called inside one. When the same id appears twice, the later program wins.
   */
  upsertMany(programs: readonly Program[]): Promise<void>;
  count(): Promise<ProgramCount>;
  /** Removes the demo catalog; returns how many programs were removed. */
  deleteSynthetic(): Promise<number>;
}

/**
 * Rows per INSERT: 15 parameters a row keeps a batch far below PostgreSQL's 65,535-parameter limit while
 * still writing a whole specialty's catalog (~750 family-medicine programs) in two statements.
 */
const UPSERT_BATCH_SIZE = 500;

/** Ids per `in (...)` list, for the same parameter limit. */
const LOOKUP_BATCH_SIZE = 1000;

const PROGRAM_COLUMNS = [
  'acgme_id',
  'nrmp_code',
  'name',
  'institution',
  'city',
  'state',
  'census_division',
  'latitude',
  'longitude',
  'specialty',
  'positions',
  'program_type',
  'facts',
  'synthetic',
  'origin',
] as const satisfies readonly (keyof ProgramsTable)[];

type ProgramRow = Pick<Selectable<ProgramsTable>, (typeof PROGRAM_COLUMNS)[number]>;
type UpdatableColumn = Exclude<(typeof PROGRAM_COLUMNS)[number], 'acgme_id'>;
const UPDATABLE_COLUMNS = PROGRAM_COLUMNS.filter((c): c is UpdatableColumn => c !== 'acgme_id');

export function createProgramRepository(db: Kysely<DatabaseSchema>): ProgramRepository {
  const selectPrograms = () => db.selectFrom('programs').select(PROGRAM_COLUMNS);

  return {
    async list(filter = {}) {
      let query = selectPrograms();
      if (filter.states?.length) query = query.where('state', 'in', filter.states);
      if (filter.divisions?.length) query = query.where('census_division', 'in', filter.divisions);
      if (filter.specialty) query = query.where('specialty', '=', filter.specialty);
      if (filter.synthetic !== undefined) query = query.where('synthetic', '=', filter.synthetic);
      const search = filter.search?.trim();
      if (search) {
        const pattern = containsPattern(search);
        query = query.where((eb) =>
          eb.or([
            eb('name', 'ilike', pattern),
            eb('institution', 'ilike', pattern),
            eb('city', 'ilike', pattern),
            eb('acgme_id', 'ilike', pattern),
          ]),
        );
      }
      const rows = await query
        // Explicit "C" collation so the order is the same whatever collation the server was created with
        // (PGlite uses C; a PostgreSQL cluster may use en_US).
        .orderBy(sql`${sql.ref('state')} collate "C"`)
        .orderBy(sql`lower(${sql.ref('name')}) collate "C"`)
        .orderBy(sql`${sql.ref('name')} collate "C"`)
        .orderBy('acgme_id')
        .execute();
      return rows.map(programFromRow);
    },

    async get(acgmeId) {
      const row = await selectPrograms().where('acgme_id', '=', acgmeId).executeTakeFirst();
      return row ? programFromRow(row) : null;
    },

    async getMany(ids) {
      const found = new Map<string, Program>();
      for (const batch of chunks([...new Set(ids)], LOOKUP_BATCH_SIZE)) {
        const rows = await selectPrograms().where('acgme_id', 'in', batch).execute();
        for (const row of rows) found.set(row.acgme_id, programFromRow(row));
      }
      return found;
    },

    async upsertMany(programs) {
      const rows = lastWins(programs).map((program) => programToRow(programSchema.parse(program)));
      if (rows.length === 0) return;
      const write = async (trx: Kysely<DatabaseSchema>) => {
        for (const batch of chunks(rows, UPSERT_BATCH_SIZE)) {
          await trx
            .insertInto('programs')
            .values(batch)
            .onConflict((oc) =>
              oc
                .column('acgme_id')
                .doUpdateSet((eb) => ({
                  ...Object.fromEntries(UPDATABLE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
                  updated_at: sql<Date>`now()`,
                }))
                // Leaves identical rows alone, so updated_at only moves when something changed.
                .where((eb) =>
                  eb.or(
                    UPDATABLE_COLUMNS.map((c) =>
                      eb(eb.ref(`programs.${c}`), 'is distinct from', eb.ref(`excluded.${c}`)),
                    ),
                  ),
                ),
            )
            .execute();
        }
      };
      if (db.isTransaction) await write(db);
      else await db.transaction().execute(write);
    },

    async count() {
      const row = await db
        .selectFrom('programs')
        .select((eb) => [
          eb.fn.countAll().as('total'),
          eb.fn.countAll().filterWhere('synthetic', '=', true).as('synthetic'),
        ])
        .executeTakeFirstOrThrow();
      // count() is bigint: `pg` returns it as a string, PGlite as a number.
      return { total: Number(row.total), synthetic: Number(row.synthetic) };
    },

    async deleteSynthetic() {
      const result = await db.deleteFrom('programs').where('synthetic', '=', true).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function programFromRow(row: ProgramRow): Program {
  return parseStoredRow(
    programSchema,
    {
      acgmeId: row.acgme_id,
      nrmpCode: row.nrmp_code,
      name: row.name,
      institution: row.institution,
      city: row.city,
      state: row.state,
      censusDivision: row.census_division,
      latitude: row.latitude,
      longitude: row.longitude,
      specialty: row.specialty,
      positions: row.positions,
      programType: row.program_type,
      facts: row.facts,
      synthetic: row.synthetic,
      origin: row.origin,
    },
    `program ${row.acgme_id}`,
  );
}

function programToRow(program: Program): Insertable<ProgramsTable> {
  return {
    acgme_id: program.acgmeId,
    nrmp_code: program.nrmpCode,
    name: program.name,
    institution: program.institution,
    city: program.city,
    state: program.state,
    census_division: program.censusDivision,
    latitude: program.latitude,
    longitude: program.longitude,
    specialty: program.specialty,
    positions: program.positions,
    program_type: program.programType,
    facts: JSON.stringify(program.facts),
    synthetic: program.synthetic,
    origin: program.origin,
  };
}

/** PostgreSQL rejects an upsert that touches the same row twice, so keep only each id's last program. */
function lastWins(programs: readonly Program[]): Program[] {
  return [...new Map(programs.map((program) => [program.acgmeId, program])).values()];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

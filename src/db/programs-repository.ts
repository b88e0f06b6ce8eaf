import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
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

/** Columns a page of programs can be ordered by (the Programs table's columns). */
export const PROGRAM_SORT_KEYS = [
  'acgmeId',
  'name',
  'city',
  'state',
  'division',
  'positions',
  'type',
] as const;
export type ProgramSortKey = (typeof PROGRAM_SORT_KEYS)[number];

export interface ProgramPageRequest {
  sort?: ProgramSortKey;
  descending?: boolean;
  offset: number;
  limit: number;
}

/** One page of the filtered catalog, with the counts of the whole filtered catalog. */
export interface ProgramPage extends ProgramCount {
  items: Program[];
}

/** What the map draws: a program's place and label, without its facts. */
/** What the map and the program pickers need (the city lets a picker search by it). */
export type ProgramPoint = Pick<
  Program,
  'acgmeId' | 'name' | 'city' | 'state' | 'latitude' | 'longitude' | 'synthetic'
>;

export interface ProgramRepository {
  /** Programs matching the filter, ordered by state, then name (case-insensitive), then ACGME id. */
  list(filter?: ProgramFilter): Promise<Program[]>;
  /**
   * A page of the programs matching the filter, ordered by `sort` with unknown values (null) last in either
   * direction and ties broken as in list(); `total` and `synthetic` count every match, not just the page.
   */
  page(filter: ProgramFilter, request: ProgramPageRequest): Promise<ProgramPage>;
  /** Every program matching the filter, reduced to what the map needs, in list() order. */
  points(filter?: ProgramFilter): Promise<ProgramPoint[]>;
  /**
   * Changes whenever the catalog does (an insert, a changed row, a delete): the number of programs and the
   * latest updated_at. Cheap enough to read on every request, for ETags.
   */
  version(): Promise<string>;
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

/** The SQL each sort key orders by: text case-insensitively, in the "C" collation like the default order. */
const SORT_EXPRESSIONS = {
  acgmeId: sql`${sql.ref('acgme_id')} collate "C"`,
  name: sql`lower(${sql.ref('name')}) collate "C"`,
  city: sql`lower(${sql.ref('city')}) collate "C"`,
  state: sql`${sql.ref('state')} collate "C"`,
  division: sql`${sql.ref('census_division')} collate "C"`,
  positions: sql`${sql.ref('positions')}`,
  type: sql`${sql.ref('program_type')} collate "C"`,
} satisfies Record<ProgramSortKey, unknown>;

function applyFilter<O>(
  query: SelectQueryBuilder<DatabaseSchema, 'programs', O>,
  filter: ProgramFilter,
): SelectQueryBuilder<DatabaseSchema, 'programs', O> {
  let filtered = query;
  if (filter.states?.length) filtered = filtered.where('state', 'in', filter.states);
  if (filter.divisions?.length) filtered = filtered.where('census_division', 'in', filter.divisions);
  if (filter.specialty) filtered = filtered.where('specialty', '=', filter.specialty);
  if (filter.synthetic !== undefined) filtered = filtered.where('synthetic', '=', filter.synthetic);
  const search = filter.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    filtered = filtered.where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('institution', 'ilike', pattern),
        eb('city', 'ilike', pattern),
        eb('acgme_id', 'ilike', pattern),
      ]),
    );
  }
  return filtered;
}

function defaultOrder<O>(
  query: SelectQueryBuilder<DatabaseSchema, 'programs', O>,
): SelectQueryBuilder<DatabaseSchema, 'programs', O> {
  return (
    query
      // Explicit "C" collation so the order is the same whatever collation the server was created with
      // (PGlite uses C; a PostgreSQL cluster may use en_US).
      .orderBy(sql`${sql.ref('state')} collate "C"`)
      .orderBy(sql`lower(${sql.ref('name')}) collate "C"`)
      .orderBy(sql`${sql.ref('name')} collate "C"`)
      .orderBy('acgme_id')
  );
}

/** One owner's catalog: every read filters by `ownerId`, every write stores it. */
export function createProgramRepository(db: Kysely<DatabaseSchema>, ownerId: string): ProgramRepository {
  const owned = () => db.selectFrom('programs').where('owner_id', '=', ownerId);
  const selectPrograms = () => owned().select(PROGRAM_COLUMNS);

  async function countWhere(filter: ProgramFilter): Promise<ProgramCount> {
    const row = await applyFilter(owned(), filter)
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn.countAll().filterWhere('synthetic', '=', true).as('synthetic'),
      ])
      .executeTakeFirstOrThrow();
    // count() is bigint: `pg` returns it as a string, PGlite as a number.
    return { total: Number(row.total), synthetic: Number(row.synthetic) };
  }

  return {
    async list(filter = {}) {
      const rows = await defaultOrder(applyFilter(selectPrograms(), filter)).execute();
      return rows.map(programFromRow);
    },

    async page(filter, { sort, descending = false, offset, limit }) {
      let query = applyFilter(selectPrograms(), filter);
      if (sort) {
        const expression = SORT_EXPRESSIONS[sort];
        query = query.orderBy(sql`${expression} is null`).orderBy(expression, descending ? 'desc' : 'asc');
      }
      const [rows, counts] = await Promise.all([
        defaultOrder(query).offset(offset).limit(limit).execute(),
        countWhere(filter),
      ]);
      return { ...counts, items: rows.map(programFromRow) };
    },

    async points(filter = {}) {
      const rows = await defaultOrder(
        applyFilter(
          owned().select(['acgme_id', 'name', 'city', 'state', 'latitude', 'longitude', 'synthetic']),
          filter,
        ),
      ).execute();
      return rows.map((row) => ({
        acgmeId: row.acgme_id,
        name: row.name,
        city: row.city,
        state: row.state,
        latitude: row.latitude,
        longitude: row.longitude,
        synthetic: row.synthetic,
      }));
    },

    async version() {
      const row = await owned()
        // As text, to keep PostgreSQL's microseconds (a Date would round them to milliseconds).
        .select((eb) => [
          eb.fn.countAll().as('total'),
          sql<string | null>`max(${sql.ref('updated_at')})::text`.as('latest'),
        ])
        .executeTakeFirstOrThrow();
      return `${Number(row.total)}/${row.latest ?? 'empty'}`;
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
      const rows = lastWins(programs).map((program) => ({
        ...programToRow(programSchema.parse(program)),
        owner_id: ownerId,
      }));
      if (rows.length === 0) return;
      const write = async (trx: Kysely<DatabaseSchema>) => {
        for (const batch of chunks(rows, UPSERT_BATCH_SIZE)) {
          await trx
            .insertInto('programs')
            .values(batch)
            .onConflict((oc) =>
              oc
                .columns(['owner_id', 'acgme_id'])
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

    count() {
      return countWhere({});
    },

    async deleteSynthetic() {
      const result = await db
        .deleteFrom('programs')
        .where('owner_id', '=', ownerId)
        .where('synthetic', '=', true)
        .executeTakeFirst();
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

function programToRow(program: Program): Omit<Insertable<ProgramsTable>, 'owner_id'> {
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

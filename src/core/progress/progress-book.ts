/**
 * The coordinators' record, read and written through the state store. The store keeps plain
 * rows (the {@link ProgressLedger} port, which it implements); the book turns them into checked records
 * with dates in the office's time zone, and turns an update into the changes it makes.
 *
 * Writing is optimistic: every update names the version it was computed from, and the store
 * writes it only if the record is still at that version, in one transaction with its audit rows.
 * An edit computed from an older version (a modal opened before someone else saved) is refused
 * as `stale` with the current record, never applied over it. Quick updates (`/progress`, the
 * CLI) that name no version are recomputed from the newer record and tried again.
 */
import { localDate, localTime } from '../time/local-date.js';
import type { ProgressChangeRow, ProgressLedger, ProgressRow } from './progress-ledger.js';
import { readProgressInput, type FieldErrors, type ProgressInput, type ProgressUpdate } from './progress-input.js';
import {
  PROGRESS_FIELDS,
  ProgressStatusSchema,
  UNIT_SEPARATOR,
  type ProgressChange,
  type ProgressField,
  type ProgressNote,
  type ProgressRecord,
  type ProgressStatus,
} from './progress-schema.js';

export interface ProgressRequest {
  measure: number;
  input: ProgressInput;
  /** A Slack user id, or the name an administrator gave. */
  author: string;
  /** The version the edit was computed from (the modal's); without it, the newest record. */
  expectedVersion?: number;
  /** The modal always submits a status. */
  requireStatus?: boolean;
}

export type UpdateOutcome =
  | { outcome: 'updated'; record: ProgressRecord; changes: ProgressChange[] }
  | { outcome: 'unchanged'; record: ProgressRecord | undefined }
  | { outcome: 'invalid'; errors: FieldErrors }
  | { outcome: 'unknown-measure'; message: string }
  | { outcome: 'stale'; current: ProgressRecord | undefined };

export interface ProgressBook {
  /** The office's calendar day now. */
  today(): string;
  record(measure: number): Promise<ProgressRecord | undefined>;
  /** Every record, by measure number. */
  records(): Promise<ProgressRecord[]>;
  history(measure: number): Promise<ProgressChange[]>;
  changesBetween(from: string, to: string): Promise<ProgressChange[]>;
  /** Everything kept, for an export. */
  everything(): Promise<{ records: ProgressRecord[]; changes: ProgressChange[] }>;
  update(request: ProgressRequest): Promise<UpdateOutcome>;
}

export interface ProgressBookOptions {
  ledger: ProgressLedger;
  measureCount: number;
  timeZone: string;
  now: () => Date;
}

/** Quick updates recomputed after losing a race, at most. */
const MAX_ATTEMPTS = 3;

function unitsText(units: readonly string[]): string | null {
  return units.length > 0 ? units.join(UNIT_SEPARATOR) : null;
}

function statusOf(raw: string | null): ProgressStatus | undefined {
  const parsed = ProgressStatusSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A field's value as an audit row shows it. */
function shown(row: ProgressRow | undefined, field: Exclude<ProgressField, 'note'>): string | null {
  if (!row) return null;
  switch (field) {
    case 'status':
      return row.status;
    case 'lead':
      return unitsText(row.lead);
    case 'participants':
      return unitsText(row.participants);
    case 'due':
      return row.due;
  }
}

/** The row after `update`, and the fields it changes (before → after), in a fixed order. */
export function applyUpdate(
  current: ProgressRow | undefined,
  update: ProgressUpdate,
  author: string,
  at: number,
): { row: ProgressRow; changed: Array<{ field: ProgressField; before: string | null; after: string | null }> } {
  const row: ProgressRow = {
    measure: current?.measure ?? 0,
    status: update.status ?? current?.status ?? null,
    lead: update.lead ?? current?.lead ?? [],
    participants: update.participants ?? current?.participants ?? [],
    due: update.due !== undefined ? update.due : (current?.due ?? null),
    version: (current?.version ?? 0) + 1,
    updatedAt: at,
    updatedBy: author,
  };
  const changed: Array<{ field: ProgressField; before: string | null; after: string | null }> = [];
  for (const field of PROGRESS_FIELDS) {
    if (field === 'note') continue;
    const before = shown(current, field);
    const after = shown(row, field);
    if (before !== after) changed.push({ field, before, after });
  }
  if (update.note !== undefined) changed.push({ field: 'note', before: null, after: update.note });
  return { row, changed };
}

export function createProgressBook({ ledger, measureCount, timeZone, now }: ProgressBookOptions): ProgressBook {
  const today = () => localDate(now(), timeZone);
  const stamp = (at: number) => ({ date: localDate(new Date(at), timeZone), time: localTime(new Date(at), timeZone) });

  function change(row: ProgressChangeRow): ProgressChange | undefined {
    const field = PROGRESS_FIELDS.find((f) => f === row.field);
    if (!field) return undefined;
    return { measure: row.measure, version: row.version, at: row.at, ...stamp(row.at), author: row.author, field, before: row.before, after: row.after };
  }
  const changes = (rows: readonly ProgressChangeRow[]) => rows.flatMap((r) => change(r) ?? []);

  function note(row: ProgressChangeRow | undefined): ProgressNote | undefined {
    return row && row.after !== null ? { at: row.at, ...stamp(row.at), author: row.author, text: row.after } : undefined;
  }

  function record(row: ProgressRow, latestNote: ProgressChangeRow | undefined, day: string): ProgressRecord {
    const status = statusOf(row.status);
    const updated = stamp(row.updatedAt);
    const latest = note(latestNote);
    return {
      measure: row.measure,
      ...(status ? { status } : {}),
      lead: [...row.lead],
      participants: [...row.participants],
      ...(row.due ? { due: row.due } : {}),
      version: row.version,
      updatedAt: row.updatedAt,
      updatedDate: updated.date,
      updatedTime: updated.time,
      updatedBy: row.updatedBy,
      ...(latest ? { latestNote: latest } : {}),
      overdue: row.due !== null && row.due < day && status !== '已完成',
    };
  }

  /** The record as people see it: the row and its latest note (never the whole history, which only grows). */
  async function recordOf(measure: number): Promise<ProgressRecord | undefined> {
    const [row, latestNote] = await Promise.all([ledger.get(measure), ledger.latestNote(measure)]);
    return row ? record(row, latestNote, today()) : undefined;
  }

  async function allRecords(): Promise<ProgressRecord[]> {
    const [rows, notes] = await Promise.all([ledger.all(), ledger.latestNotes()]);
    const day = today();
    const noteOf = new Map(notes.map((n) => [n.measure, n]));
    return rows.sort((a, b) => a.measure - b.measure).map((row) => record(row, noteOf.get(row.measure), day));
  }

  async function update(request: ProgressRequest): Promise<UpdateOutcome> {
    const { measure } = request;
    if (!Number.isInteger(measure) || measure < 1 || measure > measureCount) {
      return { outcome: 'unknown-measure', message: `计划共有 ${measureCount} 条措施（编号 1–${measureCount}），没有第 ${measure} 条。` };
    }
    const read = readProgressInput(request.input, { requireStatus: request.requireStatus ?? false });
    if (!read.ok) return { outcome: 'invalid', errors: read.errors };

    for (let attempt = 1; ; attempt++) {
      const current = await ledger.get(measure);
      const version = current?.version ?? 0;
      if (request.expectedVersion !== undefined && request.expectedVersion !== version) return { outcome: 'stale', current: await recordOf(measure) };
      const at = now().getTime();
      const { row, changed } = applyUpdate(current, read.update, request.author, at);
      if (changed.length === 0) return { outcome: 'unchanged', record: current ? await recordOf(measure) : undefined };
      const rows: ProgressChangeRow[] = changed.map((c) => ({ measure, version: row.version, at, date: stamp(at).date, author: request.author, ...c }));
      const written = await ledger.write({ row: { ...row, measure }, expectedVersion: version, changes: rows });
      if (written.status === 'written') {
        const saved = await recordOf(measure);
        if (!saved) throw new Error(`measure ${measure}: the record just written cannot be read back`);
        return { outcome: 'updated', record: saved, changes: changes(rows) };
      }
      if (request.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) return { outcome: 'stale', current: await recordOf(measure) };
    }
  }

  return {
    today,
    record: recordOf,
    records: allRecords,
    history: async (measure) => changes(await ledger.history(measure)),
    changesBetween: async (from, to) => changes(await ledger.changesBetween(from, to)),
    async everything() {
      const [records, all] = await Promise.all([allRecords(), ledger.allChanges()]);
      return { records, changes: changes(all) };
    },
    update,
  };
}

/**
 * Streams records to CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled). Written by hand to add no dependency; buffered so a million rows cost a few hundred
 * writes, and it waits for the stream to drain so memory stays flat whatever the size.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { PersonRecord } from './generate';

/** Quotes a field only when RFC 4180 requires it. */
export function csvField(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i] as string);
  }
  return `${line}\r\n`;
}

export const PERSON_COLUMNS = [
  'id',
  'givenName1',
  'givenName2',
  'surname1',
  'surname2',
  'sex',
  'birthDate',
  'birthDateEstimated',
  'nationality',
  'populationGroup',
  'municipalityCode',
  'documents',
  'phone',
  'householdId',
  'relationshipToHead',
] as const;

export const TRUTH_COLUMNS = ['truthId', 'mutations'] as const;

/** "CC:1020304050|PA:AS123456": type and number, documents separated by "|". */
export function encodeDocuments(record: Pick<PersonRecord, 'documents'>): string {
  let out = '';
  for (const document of record.documents) out += `${out ? '|' : ''}${document.type}:${document.number}`;
  return out;
}

export function personFields(record: PersonRecord): string[] {
  return [
    record.id,
    record.givenName1,
    record.givenName2 ?? '',
    record.surname1,
    record.surname2 ?? '',
    record.sex,
    record.birthDate,
    record.birthDateEstimated ? 'true' : 'false',
    record.nationality,
    record.populationGroup,
    record.municipalityCode,
    encodeDocuments(record),
    record.phone ?? '',
    record.householdId,
    record.relationshipToHead,
  ];
}

export function truthFields(record: PersonRecord): string[] {
  return [record.truthId, record.mutations.join('|')];
}

/** One CSV line for a record, built directly (this runs a million times per benchmark file). */
export function recordLine(record: PersonRecord, withTruth: boolean): string {
  let line = `${record.id},${csvField(record.givenName1)},${csvField(record.givenName2 ?? '')},${csvField(record.surname1)},${csvField(record.surname2 ?? '')},${record.sex},${record.birthDate},${record.birthDateEstimated},${record.nationality},${record.populationGroup},${record.municipalityCode},${csvField(encodeDocuments(record))},${record.phone ?? ''},${record.householdId},${record.relationshipToHead}`;
  if (withTruth) line += `,${record.truthId},${record.mutations.join('|')}`;
  return `${line}\r\n`;
}

/**
 * A buffered writer that respects back-pressure: `add` is synchronous, `flush` is awaited only when due. Lines are
 * encoded straight into an off-heap buffer, so they die young; holding a megabyte of pending strings instead made
 * the garbage collector copy them over and over and halved the throughput.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: Buffer;
  private used = 0;
  bytes = 0;

  constructor(
    path: string,
    private readonly capacity = 1 << 20,
  ) {
    this.stream = createWriteStream(path);
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Adds a whole line (with its CRLF); returns true when the buffer should be flushed. */
  add(line: string): boolean {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a line that could not fit goes through a flush first.
    if (this.used + line.length * 3 > this.capacity) {
      this.pending.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(this.capacity, line.length * 3));
      this.used = 0;
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    return this.pending.length > 0;
  }

  private pending: Buffer[] = [];

  addFields(fields: readonly string[]): boolean {
    return this.add(csvLine(fields));
  }

  async flush(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      this.bytes += chunk.length;
      if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    }
  }

  async close(): Promise<void> {
    if (this.used > 0) this.pending.push(this.buffer.subarray(0, this.used));
    this.used = 0;
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

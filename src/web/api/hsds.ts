import { ApiError, api } from './client';

/** The directory tables an HSDS import reports on, in the order the page lists them. */
export const HSDS_COUNTED_TABLES = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'schedule',
  'contact',
] as const;

export type HsdsCountedTable = (typeof HSDS_COUNTED_TABLES)[number];

/** A problem or a note about one file, row and field of a package (message in the user's language). */
export interface HsdsIssue {
  file: string;
  row: number | null;
  field: string | null;
  message: string;
}

export interface HsdsImportResult {
  counts: Record<HsdsCountedTable, { created: number; updated: number }>;
  warnings: HsdsIssue[];
  warningCount: number;
}

export const HSDS_EXPORT_URL = '/api/v1/directory/hsds/export.zip';

export function importHsdsPackage(file: File) {
  return api.post<HsdsImportResult>('/api/v1/directory/hsds/import', undefined, {
    file: { data: file, contentType: 'application/zip' },
  });
}

/** The per-row errors of a refused package, when the error is one. */
export function packageErrors(error: unknown): HsdsIssue[] {
  if (!(error instanceof ApiError) || error.type !== 'urn:ruta:problem:hsds-package') return [];
  const errors = error.problem.errors;
  return Array.isArray(errors) ? (errors as unknown as HsdsIssue[]) : [];
}

/** Who may import a package (the server decides; this only hides the form from others). */
export const canImportHsds = (role: string) => role === 'network_admin' || role === 'office_coordinator';

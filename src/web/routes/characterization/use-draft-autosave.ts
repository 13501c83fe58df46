import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Answers,
  characterizationApi,
  type Draft,
  type OccupationEntry,
  type Sensitive,
} from '../../api/characterization';
import { ApiError, isProblemOf } from '../../api/client';

/** What the form edits: the whole draft document. */
export interface DraftDocument {
  answers: Answers;
  occupations: OccupationEntry[];
  sensitive: Sensitive | null;
}

export type SaveStatus = 'idle' | 'saved' | 'pending' | 'saving' | 'offline' | 'error' | 'conflict';

/** The copy kept in the browser until the server has it: the document and the draft version it was based on. */
interface StoredDraft {
  document: DraftDocument;
  version: number;
  dirty: boolean;
}

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

export function storageKey(userId: string, personId: string): string {
  return `ruta.characterization.${userId}.${personId}`;
}

function readStored(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: StoredDraft | null): void {
  try {
    if (value) window.localStorage.setItem(key, JSON.stringify(value));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the server copy still works while online.
  }
}

/**
 * The starting document: the server's draft, unless this browser holds newer unsent answers for the same draft
 * version (typed while offline, or before a reload), in which case those win and are sent again.
 */
export function initialDraft(
  key: string,
  server: Draft | null,
  fallback: DraftDocument,
): { document: DraftDocument; version: number; unsent: boolean } {
  const stored = readStored(key);
  const serverVersion = server?.version ?? 0;
  if (stored?.dirty && stored.version === serverVersion) {
    return { document: stored.document, version: serverVersion, unsent: true };
  }
  if (server) {
    return {
      document: { answers: server.answers, occupations: server.occupations, sensitive: server.sensitive },
      version: server.version,
      unsent: false,
    };
  }
  return { document: fallback, version: 0, unsent: false };
}

/**
 * Keeps the draft saved as the user types: every change goes to localStorage at once and to the server after a
 * pause (PATCH with the draft's version). Without a connection the answers wait in the browser and are sent when
 * it comes back (the `online` event, and a retry every few seconds). A 409 means another tab or device saved
 * the draft: its answers are loaded and the user is told.
 */
export function useDraftAutosave(options: {
  personId: string;
  userId: string;
  initial: { document: DraftDocument; version: number; unsent: boolean };
  sendSensitive: boolean;
}) {
  const { personId, sendSensitive } = options;
  const key = storageKey(options.userId, personId);
  const [document, setDocumentState] = useState<DraftDocument>(options.initial.document);
  // Nothing typed yet and no draft on the server: say that answers will be saved, not that they were.
  const [status, setStatus] = useState<SaveStatus>(
    options.initial.unsent ? 'pending' : options.initial.version > 0 ? 'saved' : 'idle',
  );
  const [fieldErrors, setFieldErrors] = useState<ApiError | null>(null);
  const versionRef = useRef(options.initial.version);
  const documentRef = useRef(document);
  const dirtyRef = useRef(options.initial.unsent);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      if (!dirtyRef.current) return;
    }
    if (!dirtyRef.current) return;
    const sent = documentRef.current;
    dirtyRef.current = false;
    setStatus('saving');
    const request = (async () => {
      try {
        const saved = await characterizationApi.saveDraft(personId, {
          version: versionRef.current,
          answers: sent.answers,
          occupations: sent.occupations.map((o) => ({
            ciuoCode: o.ciuoCode,
            yearsExperience: o.yearsExperience,
          })),
          ...(sendSensitive ? { sensitive: sent.sensitive } : {}),
        });
        versionRef.current = saved.version;
        setFieldErrors(null);
        writeStored(key, { document: documentRef.current, version: saved.version, dirty: dirtyRef.current });
        setStatus(dirtyRef.current ? 'pending' : 'saved');
      } catch (error) {
        if (isProblemOf(error, 'conflict')) {
          const current = (error as ApiError).problem.current as Draft | null;
          const loaded: DraftDocument = current
            ? { answers: current.answers, occupations: current.occupations, sensitive: current.sensitive }
            : documentRef.current;
          versionRef.current = current?.version ?? 0;
          documentRef.current = loaded;
          setDocumentState(loaded);
          dirtyRef.current = !current;
          writeStored(key, { document: loaded, version: versionRef.current, dirty: dirtyRef.current });
          setStatus('conflict');
          return;
        }
        dirtyRef.current = true;
        if (error instanceof ApiError && error.status === 400) {
          setFieldErrors(error);
          setStatus('error');
          return;
        }
        setStatus(error instanceof ApiError && error.status === 0 ? 'offline' : 'error');
      }
    })();
    inFlight.current = request;
    await request;
    inFlight.current = null;
  }, [key, personId, sendSensitive]);

  const schedule = useCallback(
    (delay = DEBOUNCE_MS) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delay);
    },
    [save],
  );

  /** Changes the document; it is kept in the browser at once and sent to the server after a pause. */
  const setDocument = useCallback(
    (update: (previous: DraftDocument) => DraftDocument) => {
      const next = update(documentRef.current);
      documentRef.current = next;
      dirtyRef.current = true;
      setDocumentState(next);
      writeStored(key, { document: next, version: versionRef.current, dirty: true });
      setStatus((previous) => (previous === 'offline' ? 'offline' : 'pending'));
      schedule();
    },
    [key, schedule],
  );

  // Unsent answers found at start (a reload after typing offline) are sent right away.
  useEffect(() => {
    if (options.initial.unsent) schedule(0);
  }, [options.initial.unsent, schedule]);

  // Back online, or every few seconds while something is unsent: try again.
  useEffect(() => {
    const retry = () => {
      if (dirtyRef.current) schedule(0);
    };
    window.addEventListener('online', retry);
    const interval = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(interval);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [schedule]);

  /** Sends whatever is unsent now and resolves with the draft version the server holds. */
  const flush = useCallback(async (): Promise<number> => {
    if (timer.current) clearTimeout(timer.current);
    await save();
    if (dirtyRef.current) throw new Error('unsaved');
    return versionRef.current;
  }, [save]);

  const forget = useCallback(() => {
    dirtyRef.current = false;
    writeStored(key, null);
  }, [key]);

  return { document, setDocument, status, fieldErrors, flush, forget };
}

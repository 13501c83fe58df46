import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { NotificationTransport } from './transport';

export interface DispatcherOptions {
  db: Kysely<Database>;
  transport: NotificationTransport;
  /** Time between rounds when the outbox is empty. */
  intervalMs?: number;
  clock?: () => Date;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Attempts before a message is marked failed (kept in the outbox with its last error). */
  maxAttempts?: number;
  /** How long a claimed message stays hidden from other dispatchers while it is being sent. */
  leaseMs?: number;
  logger?: {
    warn(object: Record<string, unknown>, message: string): void;
    error(object: Record<string, unknown>, message: string): void;
  };
}

export interface OutboxDispatcher {
  /** One round: claims due messages, sends them, records each result. Returns how many were sent. */
  runOnce(): Promise<{ sent: number; retried: number; failed: number }>;
  /** Stops the loop after the round in progress. */
  stop(): Promise<void>;
}

/** Wait before attempt n+1: 30 s, 1 min, 2 min… capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * Claims pending messages whose time has come (`for update skip locked`, so several dispatchers never take the
 * same one) and pushes their `available_at` forward by a lease before sending, outside the claim's transaction:
 * a dispatcher that dies mid-send leaves the message to be retried when the lease ends, never lost (delivery is
 * at least once). A failed send waits with exponential backoff; after `maxAttempts` it is marked failed.
 */
export function createOutboxDispatcher({
  db,
  transport,
  clock = () => new Date(),
  batchSize = 20,
  maxAttempts = 8,
  leaseMs = 5 * 60_000,
  logger,
}: DispatcherOptions): Omit<OutboxDispatcher, 'stop'> {
  async function claim() {
    const now = clock();
    return db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('outbox_message')
        .select(['id', 'topic', 'recipient', 'locale', 'subject', 'body', 'attempts'])
        .where('status', '=', 'pending')
        .where('available_at', '<=', now)
        .orderBy('available_at')
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length)
        await trx
          .updateTable('outbox_message')
          .set({
            attempts: sql`attempts + 1`,
            available_at: new Date(now.getTime() + leaseMs),
          })
          .where(
            'id',
            'in',
            due.map((m) => m.id),
          )
          .execute();
      return due.map((m) => ({ ...m, attempts: m.attempts + 1 }));
    });
  }

  return {
    async runOnce() {
      const messages = await claim();
      let sent = 0;
      let retried = 0;
      let failed = 0;
      for (const message of messages) {
        try {
          await transport.send(message);
          await db
            .updateTable('outbox_message')
            .set({ status: 'sent', sent_at: clock(), last_error: null })
            .where('id', '=', message.id)
            .execute();
          sent++;
        } catch (error) {
          const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          const giveUp = message.attempts >= maxAttempts;
          await db
            .updateTable('outbox_message')
            .set({
              status: giveUp ? 'failed' : 'pending',
              last_error: reason,
              available_at: new Date(clock().getTime() + retryDelayMs(message.attempts)),
            })
            .where('id', '=', message.id)
            .execute();
          if (giveUp) {
            failed++;
            logger?.error(
              { notificationId: message.id, topic: message.topic, attempts: message.attempts, reason },
              'notification failed for good',
            );
          } else {
            retried++;
            logger?.warn(
              { notificationId: message.id, topic: message.topic, attempts: message.attempts, reason },
              'notification not sent; will retry',
            );
          }
        }
      }
      return { sent, retried, failed };
    },
  };
}

/**
 * Runs the dispatcher in the background until stopped: a round every `intervalMs`, or at once again when a round
 * filled its batch. Errors of a round (the database away for a moment) are logged and the loop goes on. Started by
 * the server (src/server/main.ts), never by the app itself, so tests and the CLI send nothing unless asked.
 */
export function startOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const dispatcher = createOutboxDispatcher(options);
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  function tick() {
    running = dispatcher.runOnce().then(
      (result) => schedule(result.sent + result.retried + result.failed >= batchSize ? 0 : intervalMs),
      (error: unknown) => {
        options.logger?.error({ err: error }, 'outbox round failed');
        schedule(intervalMs);
      },
    );
  }
  schedule(0);

  return {
    runOnce: dispatcher.runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await options.transport.close?.();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../testing/test-database';
import { createOutboxDispatcher, retryDelayMs, startOutboxDispatcher } from './dispatcher';
import { enqueue } from './outbox';
import { createLogTransport, type NotificationTransport, type OutgoingMessage } from './transport';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

/** A transport that records what it is given, and fails the first `failures` sends. */
function recordingTransport(failures = 0) {
  const sent: OutgoingMessage[] = [];
  let left = failures;
  const transport: NotificationTransport = {
    name: 'recording',
    async send(message) {
      if (left > 0) {
        left--;
        throw new Error('mail server unreachable');
      }
      sent.push(message);
    },
  };
  return { transport, sent };
}

const message = (topic: string, recipient = 'enlace@aliado.example') => ({
  topic,
  recipient,
  locale: 'es' as const,
  subject: `Asunto ${topic}`,
  body: `Cuerpo ${topic}`,
  payload: { referralId: topic },
});

const row = (topic: string) =>
  database.db.selectFrom('outbox_message').selectAll().where('topic', '=', topic).executeTakeFirstOrThrow();

describe('outbox dispatcher', () => {
  it('sends what a committed transaction enqueued, and nothing of a rolled-back one', async () => {
    await database.db.transaction().execute((trx) => enqueue(trx, message('t.committed')));
    await database.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, message('t.rolled-back'));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    const { transport, sent } = recordingTransport();
    const result = await createOutboxDispatcher({ db: database.db, transport }).runOnce();
    expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sent).toEqual([
      expect.objectContaining({
        topic: 't.committed',
        recipient: 'enlace@aliado.example',
        subject: 'Asunto t.committed',
        body: 'Cuerpo t.committed',
        locale: 'es',
      }),
    ]);
    expect(await row('t.committed')).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(
      await database.db
        .selectFrom('outbox_message')
        .select('id')
        .where('topic', '=', 't.rolled-back')
        .execute(),
    ).toEqual([]);
    // Sent once: the next round finds nothing.
    expect(await createOutboxDispatcher({ db: database.db, transport }).runOnce()).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
  });

  it('keeps a message the transport throws on, and sends it after the backoff', async () => {
    let now = new Date('2026-12-06T12:00:00Z');
    const clock = () => now;
    await enqueue(database.db, message('t.retry'), now);
    const { transport, sent } = recordingTransport(2);
    const dispatcher = createOutboxDispatcher({ db: database.db, transport, clock });

    expect(await dispatcher.runOnce()).toMatchObject({ retried: 1 });
    const afterFirst = await row('t.retry');
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'mail server unreachable',
    });
    expect(afterFirst.available_at.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not due yet: nothing is tried.
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    now = new Date(now.getTime() + retryDelayMs(1));
    expect(await dispatcher.runOnce()).toMatchObject({ retried: 1 });
    expect((await row('t.retry')).attempts).toBe(2);
    now = new Date(now.getTime() + retryDelayMs(2));
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    expect(sent.map((m) => m.topic)).toEqual(['t.retry']);
    expect(await row('t.retry')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('marks a message failed after the last attempt, keeping it with its error', async () => {
    let now = new Date('2026-12-07T12:00:00Z');
    await enqueue(database.db, message('t.failed'), now);
    const { transport } = recordingTransport(10);
    const dispatcher = createOutboxDispatcher({
      db: database.db,
      transport,
      clock: () => now,
      maxAttempts: 3,
    });
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await dispatcher.runOnce());
      now = new Date(now.getTime() + 2 * 60 * 60_000);
    }
    expect(results.map((r) => r.failed)).toEqual([0, 0, 1, 0]);
    expect(await row('t.failed')).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'mail server unreachable',
    });
  });

  it('leaves a message claimed by a dispatcher that died mid-send to be retried after the lease', async () => {
    let now = new Date('2026-12-08T12:00:00Z');
    await enqueue(database.db, message('t.lease'), now);
    const dying: NotificationTransport = {
      name: 'dying',
      send: () => new Promise(() => {}), // never settles: the process is gone
    };
    void createOutboxDispatcher({
      db: database.db,
      transport: dying,
      clock: () => now,
      leaseMs: 60_000,
    }).runOnce();
    await expect.poll(async () => (await row('t.lease')).attempts).toBe(1);
    const { transport, sent } = recordingTransport();
    const survivor = createOutboxDispatcher({
      db: database.db,
      transport,
      clock: () => now,
      leaseMs: 60_000,
    });
    expect((await survivor.runOnce()).sent).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect((await survivor.runOnce()).sent).toBe(1);
    expect(sent.map((m) => m.topic)).toEqual(['t.lease']);
  });

  it('runs in the background until stopped, without blocking the caller', async () => {
    await enqueue(database.db, message('t.loop'));
    const { transport, sent } = recordingTransport();
    const dispatcher = startOutboxDispatcher({ db: database.db, transport, intervalMs: 20 });
    await expect.poll(() => sent.some((m) => m.topic === 't.loop')).toBe(true);
    await dispatcher.stop();
    await enqueue(database.db, message('t.after-stop'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sent.some((m) => m.topic === 't.after-stop')).toBe(false);
  });

  it('logs a message with the log transport naming its recipient and topic, not its text', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const transport = createLogTransport({ info: (object) => lines.push(object) });
    await transport.send({
      id: 'x',
      topic: 'referral.sent',
      recipient: 'enlace@aliado.example',
      locale: 'es',
      subject: 'Nueva remisión de María Pérez',
      body: 'María Pérez, CC 1045…',
    });
    expect(lines).toEqual([
      { notificationId: 'x', topic: 'referral.sent', recipient: 'enlace@aliado.example' },
    ]);
  });
});

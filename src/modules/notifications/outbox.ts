import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import type { Language } from '../../server/i18n/translator';

/** A notification to send once the change it announces has committed. */
export interface OutboxMessageInput {
  /** What it is about, e.g. `referral.sent`; for logs and filtering, never shown. */
  topic: string;
  /** An email address. */
  recipient: string;
  locale: Language;
  subject: string;
  body: string;
  /** Ids that let a later reader find what it was about (no personal data). */
  payload?: Record<string, unknown> | null;
}

/**
 * Writes notifications into the outbox inside the caller's transaction: they exist if and only if the change
 * they announce committed. The dispatcher sends them later; a request never waits for a mail server.
 */
export async function enqueue(
  trx: Kysely<Database>,
  messages: OutboxMessageInput | OutboxMessageInput[],
  now: Date = new Date(),
): Promise<void> {
  const rows = [messages].flat().map((message) => ({
    id: uuidv7(),
    topic: message.topic,
    recipient: message.recipient,
    locale: message.locale,
    subject: message.subject,
    body: message.body,
    payload: message.payload ? JSON.stringify(message.payload) : null,
    available_at: now,
    created_at: now,
  }));
  if (rows.length) await trx.insertInto('outbox_message').values(rows).execute();
}

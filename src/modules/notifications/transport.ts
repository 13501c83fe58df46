import nodemailer from 'nodemailer';

/** One message as a transport sends it. */
export interface OutgoingMessage {
  id: string;
  topic: string;
  recipient: string;
  locale: string;
  subject: string;
  body: string;
}

/**
 * How the outbox's messages leave Ruta. A transport throws when a message could not be sent; the dispatcher
 * then retries it later.
 */
export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void> | void;
}

interface InfoLogger {
  info(object: Record<string, unknown>, message: string): void;
}

/**
 * The default: writes one log line per message, naming the recipient and the topic but nothing of its text
 * (which may name the person referred). For development, demos and networks without a mail server.
 */
export function createLogTransport(logger: InfoLogger): NotificationTransport {
  return {
    name: 'log',
    async send(message) {
      logger.info(
        { notificationId: message.id, topic: message.topic, recipient: message.recipient },
        'notification delivered to the log (no mail server configured)',
      );
    },
  };
}

/** Email through an SMTP server: `SMTP_URL` (smtp:// or smtps://user:pass@host:port) and `MAIL_FROM`. */
export function createSmtpTransport(options: { url: string; from: string }): NotificationTransport {
  const mailer = nodemailer.createTransport(options.url);
  return {
    name: 'smtp',
    async send(message) {
      await mailer.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        headers: { 'Content-Language': message.locale },
      });
    },
    close() {
      mailer.close();
    },
  };
}

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (+573001234567), read as Colombian unless it carries its country code; null when it
 * is not a possible number. Venezuelan numbers must be typed with +58.
 */
export function normalizePhone(raw: string): string | null {
  const phone = parsePhoneNumberFromString(raw.trim(), 'CO');
  return phone?.isValid() ? phone.number : null;
}

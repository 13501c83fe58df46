import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LOCALE_TAGS } from '../i18n';

/** Dates and times in the interface language, in the device's time zone (Colombia's, in the offices). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = LOCALE_TAGS[currentLanguage(i18n.resolvedLanguage)];
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
    };
  }, [locale]);
}

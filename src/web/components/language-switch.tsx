import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, type Language, LOCALE_TAGS, switchLanguage } from '../i18n';

/** Español / English. Each name is written in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);

  return (
    <SegmentedControl
      size="sm"
      color="ruta"
      aria-label={t('shell.languageSwitch')}
      value={language}
      onChange={(value) => void switchLanguage(value as Language)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: <span lang={LOCALE_TAGS[code]}>{t(`language.${code}`)}</span>,
      }))}
    />
  );
}

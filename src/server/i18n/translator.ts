import i18next, { type TFunction } from 'i18next';
import Negotiator from 'negotiator';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

export const SUPPORTED_LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';

const translator = i18next.createInstance();
await translator.init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** Picks the response language from `Accept-Language`; Spanish unless the client prefers English. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...SUPPORTED_LANGUAGES,
  ]);
  return (preferred as Language | undefined) ?? DEFAULT_LANGUAGE;
}

export function translatorFor(language: Language): TFunction {
  return translator.getFixedT(language);
}

export function hasMessage(key: string): boolean {
  return translator.exists(key);
}

import i18next, { type TOptions } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import es from './locales/es.json';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tag per language: for `<html lang>`, `Accept-Language` and `Intl` formatting. */
export const LOCALE_TAGS: Record<Language, string> = { es: 'es-CO', en: 'en' };

export const STORAGE_KEY = 'ruta.locale';
const DEFAULT_LANGUAGE: Language = 'es';

/**
 * Spanish (es-CO) unless the user chose English in Ruta itself: the browser's language is deliberately
 * ignored, because shared office computers are often set to English while the team works in Spanish.
 */
function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored?.toLowerCase().startsWith('en')) return 'en';
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to Spanish.
  }
  return DEFAULT_LANGUAGE;
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = LOCALE_TAGS[language];
}

export const i18n = i18next.createInstance();

// Spanish is bundled, so the first frame renders translated without waiting; English (about 35 kB compressed) is
// fetched only by those who use it, before the first render when it was their choice (see `loadChosenLanguage`).
void i18n.use(initReactI18next).init({
  resources: { es: { translation: es } },
  partialBundledLanguages: true,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

async function ensureLoaded(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const catalogue = (await import('./locales/en.json')).default;
  i18n.addResourceBundle(language, 'translation', catalogue);
}

/** Called once before the first render: the language chosen on this device, loaded. */
export async function loadChosenLanguage(): Promise<void> {
  const language = readStoredLanguage();
  if (language === DEFAULT_LANGUAGE) return;
  try {
    await ensureLoaded(language);
    await i18n.changeLanguage(language);
  } catch {
    // The catalogue could not be fetched (offline): the interface stays in Spanish rather than not starting.
  }
}

i18n.on('languageChanged', (language) => applyToDocument(currentLanguage(language)));
applyToDocument(currentLanguage());

export function currentLanguage(language: string = i18n.resolvedLanguage ?? i18n.language): Language {
  return language === 'en' ? 'en' : 'es';
}

/** Switches the interface language and remembers the choice on this device. */
export async function switchLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, LOCALE_TAGS[language]);
  } catch {
    // The choice then lasts until the page is reloaded.
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${PluralSuffix}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the catalogue (plural forms under their base key), so a mistyped key fails `tsc`. */
export type TranslationKey = Leaves<typeof es>;
export type Translate = (key: TranslationKey, options?: TOptions) => string;

/** `t` for components: re-renders them when the language changes and checks keys against the catalogue. */
export function useT(): Translate {
  const { t } = useTranslation();
  return t as unknown as Translate;
}

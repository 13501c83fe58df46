import { useEffect } from 'react';
import { useT } from '../i18n';

/** Sets `document.title` to "<page> · Ruta", in the current language, while the page is shown. */
export function useDocumentTitle(page: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t('app.titleTemplate', { page });
  }, [page, t]);
}

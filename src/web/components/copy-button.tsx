import { Button, type ButtonProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/**
 * Copies a value to the clipboard. Offices often open Ruta over plain HTTP on their network, where the Clipboard
 * API does not exist: then the older copy command is used, and if that fails too the button says to copy by hand.
 */
export function CopyButton({
  value,
  label,
  ...props
}: { value: string; label?: string } & Omit<ButtonProps, 'children'>) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <Button
      variant="default"
      size="sm"
      {...props}
      onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      <span aria-live="polite">
        {state === 'copied'
          ? t('copy.done')
          : state === 'failed'
            ? t('copy.failed')
            : (label ?? t('copy.copy'))}
      </span>
    </Button>
  );
}

async function copyText(value: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // Permission refused: try the older way below.
  }
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

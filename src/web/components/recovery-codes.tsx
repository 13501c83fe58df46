import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useT } from '../i18n';
import { CopyButton } from './copy-button';

/** The ten recovery codes, shown once: copy, download, and say they are saved before going on. */
export function RecoveryCodes({
  codes,
  email,
  onContinue,
  continuing = false,
}: {
  codes: string[];
  email: string;
  onContinue: () => void;
  continuing?: boolean;
}) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const headingId = useId();
  const text = [t('recoveryCodes.fileHeader', { email }), '', ...codes, ''].join('\n');

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('recoveryCodes.fileName');
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('recoveryCodes.heading')}
      </Title>
      <Alert color="yellow" variant="light" title={t('recoveryCodes.onceTitle')}>
        <Text size="sm">{t('recoveryCodes.onceBody')}</Text>
      </Alert>
      <ol className="recovery-codes" aria-label={t('recoveryCodes.heading')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')} label={t('recoveryCodes.copy')} />
        <Button variant="default" onClick={download}>
          {t('recoveryCodes.download')}
        </Button>
      </Group>
      <Checkbox
        label={t('recoveryCodes.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button onClick={onContinue} disabled={!saved} loading={continuing}>
        {t('recoveryCodes.continue')}
      </Button>
    </Stack>
  );
}

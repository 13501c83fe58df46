import { Badge, Button, Group, Modal, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Progress as PlanProgress, PlanStatus } from '../../api/cases';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';

// Dark shades, so the labels keep a 4.5:1 contrast (axe) on phones outdoors.
export const STATUS_COLOR: Record<CaseStatus, string> = {
  open: 'blue.9',
  active: 'teal.9',
  on_hold: 'gray.8',
  pending_closure: 'red.9',
  closed: 'gray.7',
};

export const PLAN_COLOR: Record<PlanStatus, string> = {
  draft: 'gray.7',
  submitted: 'violet.9',
  approved: 'teal.9',
  rejected: 'red.9',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-case-status={status}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useT();
  return (
    <Badge color={PLAN_COLOR[status]} variant="outline" data-plan-status={status}>
      {t(`cases.planStatus.${status}`)}
    </Badge>
  );
}

/** The share of the plan's actions that are done, as a bar with its figures in words. */
export function ProgressBar({ progress, label }: { progress: PlanProgress; label?: string }) {
  const t = useT();
  const text = t('cases.progress.summary', {
    percent: progress.percent,
    done: progress.done,
    total: progress.total,
  });
  return (
    <div className="case-progress">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {label ?? t('cases.progress.label')}
        </Text>
        <Text size="sm" c="dimmed" data-testid="case-progress-text">
          {text}
        </Text>
      </Group>
      <Progress value={progress.percent} aria-label={`${label ?? t('cases.progress.label')}: ${text}`} />
    </div>
  );
}

/**
 * Programme names and the server's sentences come in the request's language: when the user switches language,
 * the cases and programmes already loaded are fetched again in the new one.
 */
export function useRefetchOnLanguageChange() {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const language = i18n.resolvedLanguage;
  const previous = useRef(language);
  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    void client.invalidateQueries({ queryKey: ['cases'] });
    void client.invalidateQueries({ queryKey: ['programmes'] });
  }, [client, language]);
}

/** A refusal that needs its reason written down: a rejected plan or closure, a refused transfer. */
export function ReasonDialog({
  opened,
  title,
  description,
  submitLabel,
  reason,
  onReasonChange,
  error,
  pending,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  error: unknown;
  pending: boolean;
  onClose: () => void;
  onSubmit: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          <Textarea
            label={t('cases.reason')}
            description={description}
            value={reason}
            onChange={(event) => onReasonChange(event.currentTarget.value)}
            error={fieldError(error, 'reason')}
            autosize
            minRows={3}
            required
          />
          <ProblemAlert error={error} fields={['reason']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

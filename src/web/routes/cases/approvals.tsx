import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CaseSummary, casesApi, type PendingTransfer, pendingApprovalsQuery } from '../../api/cases';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { CaseStatusBadge, ReasonDialog, useRefetchOnLanguageChange } from './case-parts';

/** `/case-approvals`: a coordinator's plans and closures to approve and cases other offices send them. */
export function ApprovalsPage() {
  const session = useReadySession();
  if (session.user.role !== 'office_coordinator') return <ForbiddenPage />;
  return <Approvals />;
}

function subjectLabel(t: ReturnType<typeof useT>, item: CaseSummary) {
  return item.subject.type === 'household'
    ? t('cases.householdOf', { name: item.subject.name })
    : item.subject.name;
}

function Approvals() {
  const t = useT();
  const format = useFormatters();
  useDocumentTitle(t('cases.approvals.title'));
  useRefetchOnLanguageChange();
  const pending = useQuery(pendingApprovalsQuery);
  if (pending.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('cases.approvals.loading')}</Text>
      </Group>
    );
  if (pending.isError) return <ProblemAlert error={pending.error} />;
  const { approvals, transfers } = pending.data;
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.page.back')}
        </Anchor>
        <Title order={1}>{t('cases.approvals.title')}</Title>
        <Text c="dimmed">{t('cases.approvals.intro')}</Text>
      </Stack>
      <Section title={t('cases.approvals.toApprove')}>
        {approvals.length === 0 ? (
          <Text c="dimmed">{t('cases.approvals.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {approvals.map((item) => (
              <Paper
                key={item.approval.id}
                component="li"
                withBorder
                p="sm"
                data-approval={item.approval.subject}
              >
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                      {t(`cases.pending.${item.approval.subject}`)}: {subjectLabel(t, item)}
                    </Anchor>
                    <CaseStatusBadge status={item.status} />
                  </Group>
                  <Text size="sm">{item.programme.name}</Text>
                  <Text size="sm" c="dimmed">
                    {t('cases.pending.requested', {
                      who: item.approval.requestedBy ?? '',
                      when: format.dateTime(item.approval.requestedAt),
                    })}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t('cases.approvals.transfers')}>
        {transfers.length === 0 ? (
          <Text c="dimmed">{t('cases.approvals.noTransfers')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {transfers.map((item) => (
              <TransferItem key={item.transfer.id} item={item} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function TransferItem({ item }: { item: CaseSummary & { transfer: PendingTransfer } }) {
  const t = useT();
  const format = useFormatters();
  const client = useQueryClient();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'refuse') =>
      casesApi.decideTransfer(item.id, { version: item.version, decision, reason: reason || null }),
    onSuccess: () => {
      setRefusing(false);
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Text fw={600}>{subjectLabel(t, item)}</Text>
        <Text size="sm">
          {item.programme.name} · {t('cases.approvals.from', { office: item.office.name })}
        </Text>
        <Text size="sm">{item.transfer.reason}</Text>
        <Text size="sm" c="dimmed">
          {t('cases.pending.requested', {
            who: item.transfer.requestedBy ?? '',
            when: format.dateTime(item.transfer.requestedAt),
          })}
        </Text>
        <Group gap="sm" mt={4}>
          <Button onClick={() => decide.mutate('accept')} loading={decide.isPending && !refusing}>
            {t('cases.approvals.accept')}
          </Button>
          <Button variant="default" onClick={() => setRefusing(true)}>
            {t('cases.approvals.refuse')}
          </Button>
        </Group>
        {!refusing && <ProblemAlert error={decide.error} />}
      </Stack>
      <ReasonDialog
        opened={refusing}
        title={t('cases.approvals.refuseTitle')}
        submitLabel={t('cases.approvals.refuse')}
        reason={reason}
        onReasonChange={setReason}
        error={decide.error}
        pending={decide.isPending}
        onClose={() => setRefusing(false)}
        onSubmit={() => decide.mutate('refuse')}
      />
    </Paper>
  );
}

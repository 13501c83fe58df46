import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { financingQuery } from '../../api/enterprise';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { FinancingCard } from './unit-page';

/**
 * `/enterprise/financing`: a financial intermediary's focal point sees the applications addressed to its
 * organization and records the review, the decision (with the approved amount) and the disbursement.
 */
export function FinancingInboxPage() {
  const session = useReadySession();
  if (session.user.role !== 'partner_focal_point') return <ForbiddenPage />;
  return <FinancingInbox />;
}

function FinancingInbox() {
  const t = useT();
  useDocumentTitle(t('enterprise.financingInbox.title'));
  const applications = useQuery(financingQuery);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('enterprise.financingInbox.title')}</Title>
      <Text c="dimmed">{t('enterprise.financingInbox.intro')}</Text>
      {applications.isError ? (
        <ProblemAlert error={applications.error} />
      ) : !applications.data ? (
        <Loader aria-label={t('enterprise.loading')} />
      ) : applications.data.items.length === 0 ? (
        <Text>{t('enterprise.financingInbox.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {applications.data.items.map((application) => (
            <FinancingCard
              key={application.id}
              application={application}
              unitId={application.unitId}
              showUnit
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

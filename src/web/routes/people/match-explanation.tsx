import { Group, Text } from '@mantine/core';
import type { MatchExplanation as Explanation } from '../../api/registration';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';

/**
 * Why the match model thinks a record is this person: each field that could be compared, how it agreed, and how
 * much that weighed for (+) or against (−), then the total and the probability. Fields missing on either side
 * weigh nothing and are left out. Labels come from the `matchExplanation` catalogue.
 */
export function MatchExplanation({
  explanation,
  open = false,
}: {
  explanation: Explanation;
  open?: boolean;
}) {
  const t = useT();
  const number = new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'always',
  });
  const percent = new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const fields = explanation.fields.filter((f) => f.label !== 'null');
  // Weights as a reader says them: "−4,3", with a real minus sign.
  const signed = (value: number) => number.format(value).replace('-', '−');
  return (
    <details open={open}>
      <summary>
        <Text span size="sm">
          {t('matchExplanation.summary', {
            weight: signed(explanation.totalWeight),
            probability: percent.format(explanation.probability),
          })}
        </Text>
      </summary>
      <ul aria-label={t('matchExplanation.listLabel')} style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {fields.map((f) => {
          const weight = f.weight + f.tfAdjustment;
          return (
            <li key={f.field}>
              <Group gap={6} wrap="nowrap" justify="space-between" maw={420}>
                <Text size="sm">
                  {t(`matchExplanation.field.${f.field}` as TranslationKey, { defaultValue: f.field })}:{' '}
                  {t(`matchExplanation.level.${f.field}.${f.label}` as TranslationKey, {
                    defaultValue: f.label,
                  })}
                </Text>
                <Text
                  size="sm"
                  fw={600}
                  c={weight >= 0 ? 'green.9' : 'red.9'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {signed(weight)}
                </Text>
              </Group>
            </li>
          );
        })}
        <li>
          <Group gap={6} wrap="nowrap" justify="space-between" maw={420}>
            <Text size="sm" c="dimmed">
              {t('matchExplanation.prior')}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {signed(explanation.priorWeight)}
            </Text>
          </Group>
        </li>
      </ul>
      {explanation.veto && (
        <Text size="sm" c="red.9">
          {t('matchExplanation.veto')}
        </Text>
      )}
    </details>
  );
}

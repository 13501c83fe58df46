import { Table, Text } from '@mantine/core';
import type { MatchExplanation as Explanation } from '../../api/registration';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';

/**
 * A match weight as a reader says it: "+6,5" or "−4,3" with a real minus sign, one decimal, and no sign on a weight
 * that rounds to zero ("0,0", not "−0,0").
 */
export function useSignedWeight(): (weight: number) => string {
  const number = new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'always',
  });
  return (weight) =>
    Math.abs(weight) < 0.05 ? number.format(0).replace('+', '') : number.format(weight).replace('-', '−');
}

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
  const signed = useSignedWeight();
  const percent = new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const fields = explanation.fields.filter((f) => f.label !== 'null');
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
      {/* A table, not a list: the look-alikes are themselves list items, and their rows read as field, agreement, weight. */}
      <Table
        aria-label={t('matchExplanation.listLabel')}
        withRowBorders={false}
        verticalSpacing={2}
        horizontalSpacing={6}
        fz="sm"
        maw={440}
        mt={4}
      >
        <Table.Tbody>
          {fields.map((f) => {
            const weight = f.weight + f.tfAdjustment;
            return (
              <Table.Tr key={f.field}>
                <Table.Th scope="row" fw={400}>
                  {t(`matchExplanation.field.${f.field}` as TranslationKey, { defaultValue: f.field })}
                </Table.Th>
                <Table.Td>
                  {t(`matchExplanation.level.${f.field}.${f.label}` as TranslationKey, {
                    defaultValue: f.label,
                  })}
                </Table.Td>
                <Table.Td
                  fw={600}
                  c={Math.abs(weight) < 0.05 ? 'gray.7' : weight > 0 ? 'teal.9' : 'red.9'}
                  style={{ whiteSpace: 'nowrap', textAlign: 'end' }}
                >
                  {signed(weight)}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Th scope="row" fw={400} c="dimmed" colSpan={2}>
              {t('matchExplanation.prior')}
            </Table.Th>
            <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap', textAlign: 'end' }}>
              {signed(explanation.priorWeight)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {explanation.veto && (
        <Text size="sm" c="red.9">
          {t('matchExplanation.veto')}
        </Text>
      )}
    </details>
  );
}

import { NativeSelect } from '@mantine/core';
import { type TranslationKey, useT } from '../../i18n';

/** A select of a closed list whose labels live under `prefix` in the catalogue, with an empty first choice. */
export function ChoiceField({
  label,
  description,
  value,
  options,
  prefix,
  onChange,
}: {
  label: string;
  description?: string;
  value: string | null | undefined;
  options: readonly string[];
  prefix: string;
  onChange: (value: string | null) => void;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value ?? ''}
      data={[
        { value: '', label: t('characterization.choose') },
        ...options.map((option) => ({ value: option, label: t(`${prefix}.${option}` as TranslationKey) })),
      ]}
      onChange={(event) => onChange(event.currentTarget.value || null)}
    />
  );
}

/** Yes, no, or not answered. */
export function YesNoField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | null | undefined;
  onChange: (value: boolean | null) => void;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={label}
      value={value === true ? 'yes' : value === false ? 'no' : ''}
      data={[
        { value: '', label: t('characterization.choose') },
        { value: 'yes', label: t('characterization.yes') },
        { value: 'no', label: t('characterization.no') },
      ]}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        onChange(chosen === 'yes' ? true : chosen === 'no' ? false : null);
      }}
    />
  );
}

/** Mantine's NumberInput gives '' for empty: the API wants null. */
export function toNumber(value: string | number): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Text inputs give ''; the API stores null for nothing typed. */
export function toText(value: string): string | null {
  return value === '' ? null : value;
}

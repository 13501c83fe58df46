import { Badge, Button, SimpleGrid, TextInput } from '@mantine/core';
import { type ArrivalStatus, PROVISIONS, type Provision } from '../../api/arrivals';
import { type Translate, useT } from '../../i18n';

/** Big toggles for a tablet: each option a button that stays pressed while chosen. */
export function ToggleGrid<T extends string>({
  options,
  value,
  onChange,
  label,
  labelOf,
}: {
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  label: string;
  labelOf: (option: T) => string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" role="group" aria-label={label}>
      {options.map((option) => {
        const pressed = value.includes(option);
        return (
          <Button
            key={option}
            size="lg"
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            justify="flex-start"
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.25 } }}
            h="auto"
            mih={56}
            py="xs"
            onClick={() => onChange(pressed ? value.filter((v) => v !== option) : [...value, option])}
          >
            {labelOf(option)}
          </Button>
        );
      })}
    </SimpleGrid>
  );
}

export const STATUS_COLOR: Record<ArrivalStatus, string> = {
  announced: 'ruta',
  received: 'green',
  no_show: 'gray',
};

export function ArrivalStatusBadge({ status }: { status: ArrivalStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="lg">
      {t(`arrivals.status.${status}`)}
    </Badge>
  );
}

/** A local date and time input value (`YYYY-MM-DDTHH:mm`) for an instant, in the device's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** When a protocol step is due, counted from reception: "a los 15 min", "a las 2 horas". */
export function offsetLabel(t: Translate, minutes: number): string {
  if (minutes === 0) return t('protocols.offsetNow');
  if (minutes % 60 === 0) return t('protocols.offsetHours', { count: minutes / 60 });
  return t('protocols.offsetMinutes', { count: minutes });
}

/** What the post provided, with the shelter's place asked only when temporary shelter is one of them. */
export function ProvisionFields({
  provided,
  onProvidedChange,
  shelterPlace,
  onShelterPlaceChange,
}: {
  provided: Provision[];
  onProvidedChange: (provided: Provision[]) => void;
  shelterPlace: string;
  onShelterPlaceChange: (place: string) => void;
}) {
  const t = useT();
  return (
    <>
      <ToggleGrid
        options={PROVISIONS}
        value={provided}
        onChange={onProvidedChange}
        label={t('arrivals.field.provided')}
        labelOf={(p) => t(`arrivals.provision.${p}`)}
      />
      {provided.includes('temporary_shelter') && (
        <TextInput
          size="md"
          label={t('arrivals.field.shelterPlace')}
          value={shelterPlace}
          onChange={(e) => onShelterPlaceChange(e.currentTarget.value)}
        />
      )}
    </>
  );
}

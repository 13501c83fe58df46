import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useState } from 'react';

/** A password input whose show/hide button says what it does, in words, to screen readers. */
export const PasswordField = forwardRef<
  HTMLInputElement,
  PasswordInputProps & { showLabel: string; hideLabel: string }
>(function PasswordField({ showLabel, hideLabel, ...props }, ref) {
  const [visible, setVisible] = useState(false);
  return (
    <PasswordInput
      ref={ref}
      {...props}
      visible={visible}
      onVisibilityChange={setVisible}
      visibilityToggleButtonProps={{ 'aria-label': visible ? hideLabel : showLabel }}
    />
  );
});

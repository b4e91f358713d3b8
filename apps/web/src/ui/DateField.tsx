import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { parseTypedDate, typedDate } from '@waymark/domain';
import { type FocusEvent, useEffect, useRef, useState } from 'react';

type DateFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  /** The date as stored and sent: YYYY-MM-DD, or '' when none is chosen. */
  value?: string | null;
  onChange?: (value: string) => void;
  min?: string;
  max?: string;
};

const shown = (value: string | null | undefined) => (value ? typedDate(value) : '');

/**
 * A date box that shows and reads day/month/year whatever the browser's locale: a laptop set to
 * American English would otherwise show and expect mm/dd/yyyy in a native date input. The value
 * stays an ISO date. The calendar button opens the device's own date picker (a hidden native
 * input), which on a phone is the wheel or grid people already know.
 */
export function DateField({ value, onChange, onBlur, min, max, error, label, ...rest }: DateFieldProps) {
  const [text, setText] = useState(shown(value));
  const [unreadable, setUnreadable] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (a reset form, a "next day" button) replaces what the box shows,
  // unless the box already shows that date in another spelling.
  useEffect(() => {
    setText((current) => ((parseTypedDate(current) ?? '') === (value ?? '') ? current : shown(value)));
  }, [value]);

  const type = (typed: string) => {
    setText(typed);
    setUnreadable(false);
    if (typed.trim() === '') return onChange?.('');
    // Text that is not yet a date goes to the form as it is, so its checks refuse it rather
    // than quietly keeping the last good date.
    onChange?.(parseTypedDate(typed) ?? typed);
  };

  const leave = (event: FocusEvent<HTMLInputElement>) => {
    const date = parseTypedDate(text);
    if (date) setText(typedDate(date));
    else if (text.trim() !== '') setUnreadable(true);
    onBlur?.(event);
  };

  const name = typeof label === 'string' ? label : 'the date';
  return (
    <TextInput
      {...rest}
      label={label}
      value={text}
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      error={unreadable ? 'Enter the date as day/month/year, for example 06/10/2026' : error}
      onChange={(event) => type(event.currentTarget.value)}
      onBlur={leave}
      rightSectionPointerEvents="all"
      rightSection={
        <>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            value={value && parseTypedDate(value) ? value : ''}
            min={min}
            max={max}
            onChange={(event) => {
              const picked = event.currentTarget.value;
              if (picked) {
                setUnreadable(false);
                setText(typedDate(picked));
                onChange?.(picked);
              }
            }}
            style={{
              position: 'absolute',
              inset: 0,
              opacity: 0,
              pointerEvents: 'none',
              // A native date input will not shrink below its own text: held to the button's size,
              // it cannot widen the form on a phone.
              width: '100%',
              minWidth: 0,
              maxWidth: '100%',
              padding: 0,
              border: 0,
            }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Pick from a calendar"
            title={`Pick ${name.toLowerCase()} from a calendar`}
            onClick={() => picker.current?.showPicker?.()}
          >
            <CalendarIcon />
          </ActionIcon>
        </>
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

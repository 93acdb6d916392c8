import { useEffect, useState } from 'preact/hooks';

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  onChange: (value: number) => void;
}

/** A whole number in a range. A bad entry shows why and is not saved; the old value stays. */
export function NumberField({ label, value, min, max, unit, onChange }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState('');
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;

  useEffect(() => setText(String(value)), [value]);

  function commit(raw: string) {
    setText(raw);
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError(`Enter a whole number from ${min} to ${max}.`);
      return;
    }
    setError('');
    if (n !== value) onChange(n);
  }

  return (
    <div class="number-field">
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        onChange={(e) => commit(e.currentTarget.value)}
      />{' '}
      {unit}
      <p id={`${id}-error`} class="warn" role="alert">
        {error}
      </p>
    </div>
  );
}

import { useId } from "react";
import type { Wave } from "../api/waves";
import { strings } from "../strings";

export function WavePicker({
  waves,
  value,
  onChange,
}: {
  waves: Wave[];
  value: number | undefined;
  onChange: (waveId: number) => void;
}) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id} className="inline-field__label">
        {strings.wavePicker.label}
      </label>
      <select id={id} className="select" value={value ?? ""} onChange={(event) => onChange(Number(event.target.value))}>
        {waves.map((wave) => (
          <option key={wave.id} value={wave.id}>
            {wave.title}（{strings.waveStatus[wave.status]}）
          </option>
        ))}
      </select>
    </div>
  );
}

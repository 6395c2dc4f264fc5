import { useId } from "react";
import type { AdminWaveListItem } from "./api";
import { wavePickerStrings, waveStatusLabels } from "./strings";

export function WavePicker({
  waves,
  value,
  onChange,
}: {
  waves: AdminWaveListItem[];
  value: number | undefined;
  onChange: (waveId: number) => void;
}) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id} className="inline-field__label">
        {wavePickerStrings.label}
      </label>
      <select id={id} className="select" value={value ?? ""} onChange={(event) => onChange(Number(event.target.value))}>
        {waves.map((wave) => (
          <option key={wave.id} value={wave.id}>
            {wave.title}（{waveStatusLabels[wave.status]}）
          </option>
        ))}
      </select>
    </div>
  );
}

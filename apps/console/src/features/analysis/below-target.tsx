import { belowTargetStrings as text } from "./strings";

/** ※ beside a town ranked on fewer responses than its target; its meaning is read out, not only seen. */
export function BelowTargetMark({ below }: { below: boolean }) {
  if (!below) return null;
  return (
    <span className="below-target-mark" title={text.markLabel}>
      <span aria-hidden="true">{text.mark}</span>
      <span className="visually-hidden">（{text.markLabel}）</span>
    </span>
  );
}

/** The footnote under a ranking that has marked towns; nothing when every town reached its target. */
export function BelowTargetNote({ towns }: { towns: { name: string; n: number; target: number }[] }) {
  if (towns.length === 0) return null;
  return (
    <p className="footnote below-target-note" data-testid="below-target-note">
      {text.note(towns.map((town) => text.town(town.name, town.n, town.target)).join("、"))}
    </p>
  );
}

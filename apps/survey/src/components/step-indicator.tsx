import { strings } from "../strings";

/** Where the resident is in consent → verification → questionnaire. */
export function StepIndicator({ current }: { current: number }) {
  const total = strings.steps.length;
  return (
    <nav className="steps" aria-label={strings.stepLabel(current, total)}>
      <ol>
        {strings.steps.map((label, index) => (
          <li
            key={label}
            className={
              index < current ? "steps__item is-done" : index === current ? "steps__item is-current" : "steps__item"
            }
            aria-current={index === current ? "step" : undefined}
          >
            <span className="steps__dot">{index < current ? "✓" : index + 1}</span>
            <span className="steps__label">{label}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

import type { ReactNode } from "react";

export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {intro ? <p className="page-header__intro">{intro}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

export function Card({
  title,
  actions,
  children,
  className,
  labelledBy,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Id for the heading so the section is named for assistive technology. */
  labelledBy?: string;
}) {
  return (
    <section className={`card${className ? ` ${className}` : ""}`} aria-labelledby={title ? labelledBy : undefined}>
      {title || actions ? (
        <div className="card__header">
          {title ? (
            <h2 className="card__title" id={labelledBy}>
              {title}
            </h2>
          ) : (
            <span />
          )}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      <div className="card__body">{children}</div>
    </section>
  );
}

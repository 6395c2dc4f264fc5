import { PageHeader } from "../components/page";
import { strings } from "../strings";

/** A page of a later release, reachable from the menu so users know it is coming. */
export function LaterPage({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="card card--placeholder">
        <h2 className="card__title">{strings.laterTitle}</h2>
        <p>{strings.laterBody}</p>
      </div>
    </>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={strings.notFoundTitle} />
      <p>{strings.notFoundBody}</p>
    </>
  );
}

export function ForbiddenPage() {
  return (
    <>
      <PageHeader title={strings.forbidden} />
    </>
  );
}

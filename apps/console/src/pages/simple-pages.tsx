import { PageHeader } from "../components/page";
import { strings } from "../strings";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={strings.notFoundTitle} />
      <p>{strings.notFoundBody}</p>
    </>
  );
}

export function ForbiddenPage() {
  return <PageHeader title={strings.forbidden} />;
}

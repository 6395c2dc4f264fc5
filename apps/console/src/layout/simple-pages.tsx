import { PageHeader } from "../shared/components/page";
import { strings } from "../shared/strings";

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

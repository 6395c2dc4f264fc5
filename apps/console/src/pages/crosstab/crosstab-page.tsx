import { PageHeader } from "../../components/page";

export function CrosstabPage() {
  return <PageHeader title="…" />;
}

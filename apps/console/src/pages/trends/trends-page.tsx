import { PageHeader } from "../../components/page";

export function TrendsPage() {
  return <PageHeader title="…" />;
}

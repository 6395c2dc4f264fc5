import { PageHeader } from "../../components/page";

export function ComparisonPage() {
  return <PageHeader title="…" />;
}

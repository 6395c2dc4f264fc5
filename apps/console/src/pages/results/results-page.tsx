import { PageHeader } from "../../components/page";

export function ResultsPage() {
  return <PageHeader title="…" />;
}

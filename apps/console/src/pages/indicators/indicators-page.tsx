import { PageHeader } from "../../components/page";

export function IndicatorsPage() {
  return <PageHeader title="…" />;
}

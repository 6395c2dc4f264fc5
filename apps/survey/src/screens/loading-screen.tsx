import { strings } from "../strings";
import { Layout } from "./layout";

export function LoadingScreen({ title, text = strings.loading }: { title?: string; text?: string }) {
  return (
    <Layout title={title}>
      <div className="loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <span>{text}</span>
      </div>
    </Layout>
  );
}

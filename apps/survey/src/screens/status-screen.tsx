import type { ReactNode } from "react";
import { StatusIcon } from "../components/status-icon";
import { Layout } from "./layout";

/** A full-page message: no open wave, a closed wave, a full quota, an earlier response, a load failure. */
export function StatusScreen({
  title,
  heading,
  text,
  icon = "info",
  children,
}: {
  title?: string;
  heading: string;
  text: ReactNode;
  icon?: "success" | "info" | "warning";
  children?: ReactNode;
}) {
  return (
    <Layout title={title}>
      <section className="card status" aria-labelledby="status-heading">
        <StatusIcon kind={icon} />
        <h1 id="status-heading" className="status__heading">
          {heading}
        </h1>
        <div className="status__text">{text}</div>
        {children}
      </section>
    </Layout>
  );
}

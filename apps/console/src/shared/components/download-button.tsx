import type { ReactNode } from "react";
import { Icon } from "./icon";

/** A file the server makes (Excel, CSV, SPSS, a template): a plain link the browser downloads, drawn as a button. */
export function DownloadButton({
  href,
  className = "button",
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a className={className} href={href} download>
      <Icon name="download" size={16} />
      {children}
    </a>
  );
}

import type { ReactNode } from "react";

/** An inline message: `alert` for problems the resident must act on, `info` for reassurance. */
export function Notice({ tone, children }: { tone: "alert" | "info" | "success"; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "alert" ? "alert" : "status"}>
      {children}
    </div>
  );
}

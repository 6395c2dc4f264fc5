import "./styles/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { applyLargeText, largeTextChosen } from "./session/large-text";

// Before the first paint, so a resident who chose 大字 never sees the small page.
applyLargeText(largeTextChosen());

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

import { readJson, writeJson } from "./browser-storage";

/** The 大字 (长辈模式) choice, kept on this phone so the next visit opens in it too. */
const KEY = "survey.largeText.v1";
const CLASS = "large-text";

export function largeTextChosen(): boolean {
  return readJson<boolean>(KEY) === true;
}

export function applyLargeText(on: boolean): void {
  document.documentElement.classList.toggle(CLASS, on);
  markRoomyText();
}

/**
 * Marks large root text from any source (大字, WeChat's font setting, the browser's) with `roomy-text`: the
 * layout then stops pinning bars that would cover much of the screen.
 */
export function markRoomyText(): void {
  const root = document.documentElement;
  root.classList.toggle("roomy-text", Number.parseFloat(getComputedStyle(root).fontSize) >= 20);
}

export function chooseLargeText(on: boolean): void {
  writeJson(KEY, on);
  applyLargeText(on);
}

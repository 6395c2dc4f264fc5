import { readJson, writeJson } from "./browser-storage";

/** The 大字 (长辈模式) choice, kept on this phone so the next visit opens in it too. */
const KEY = "survey.largeText.v1";
const CLASS = "large-text";

export function largeTextChosen(): boolean {
  return readJson<boolean>(KEY) === true;
}

export function applyLargeText(on: boolean): void {
  document.documentElement.classList.toggle(CLASS, on);
}

export function chooseLargeText(on: boolean): void {
  writeJson(KEY, on);
  applyLargeText(on);
}

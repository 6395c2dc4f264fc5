import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");

export interface TextSize {
  name: string;
  /** Root font size as WeChat's font setting makes it (emulated with the root font-size). */
  rootPercent?: number;
  /** Turns on the app's own 大字 switch on the first screen. */
  largeSwitch?: boolean;
}

/** Makes every page of this phone open with the root text at `percent` %, as WeChat's 字体大小 does. */
export async function emulateTextSize(page: Page, percent: number): Promise<void> {
  await page.addInitScript((size) => {
    const apply = () => {
      const style = document.createElement("style");
      // The root size alone: adding text-size-adjust on top would make Chromium's mobile autosizing double it again.
      style.textContent = `html { font-size: ${size}% !important; }`;
      document.head.append(style);
    };
    if (document.head) apply();
    else document.addEventListener("DOMContentLoaded", apply);
  }, percent);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core with the WCAG 2.1 A and AA rules on what is on screen now (or only inside `selector`). */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP refuses an injected <script> (as it should).
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(AXE_SCRIPT, "utf8"));
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(within ? { include: [within] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  }, selector ?? null);
}

export interface LabelContrast {
  label: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Measures every visible, enabled button's label: the colour of the element that holds the text (SurveyJS's
 * `.sd-action__title`, not the button) against the background it is painted on, found by walking up until an
 * opaque colour (semi-transparent layers are blended; a gradient counts with its worst stop).
 */
export async function buttonLabelContrasts(page: Page): Promise<LabelContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba[] =>
      [...value.matchAll(/rgba?\(([^)]+)\)/g)].map((match) => {
        const parts = (match[1] ?? "")
          .split(/[,\s/]+/)
          .filter(Boolean)
          .map(Number);
        return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
      });
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The possible backgrounds under an element (several for a gradient), each opaque. */
    const backgroundsOf = (element: Element | null): Rgba[] => {
      const layers: Rgba[][] = [];
      for (let node = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        const gradient = style.backgroundImage.includes("gradient") ? parse(style.backgroundImage) : [];
        if (gradient.length > 0) {
          layers.push(gradient);
          if (gradient.every((stop) => stop[3] === 1)) break;
        }
        const [color] = parse(style.backgroundColor);
        if (color && color[3] > 0) {
          layers.push([color]);
          if (color[3] === 1) break;
        }
      }
      let results: Rgba[] = [[255, 255, 255, 1]];
      for (const layer of layers.reverse())
        results = layer.flatMap((top) => results.map((bottom) => over(top, bottom)));
      return results;
    };
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
    };
    const buttons = [
      ...document.querySelectorAll<HTMLElement>(
        "button, [role=button], input[type=button], input[type=submit], a.button",
      ),
    ].filter((button) => visible(button) && !(button as HTMLButtonElement).disabled);
    const results: {
      label: string;
      color: string;
      background: string;
      ratio: number;
    }[] = [];
    for (const button of buttons) {
      const holders = [button, ...button.querySelectorAll<HTMLElement>("*")].filter(
        (element) =>
          visible(element) &&
          [...element.childNodes].some(
            (child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? "").trim(),
          ),
      );
      for (const holder of holders) {
        const style = getComputedStyle(holder);
        let color = parse(style.color)[0] ?? [0, 0, 0, 1];
        let opacity = 1;
        for (let node: Element | null = holder; node; node = node.parentElement) {
          opacity *= Number(getComputedStyle(node).opacity);
        }
        const backgrounds = backgroundsOf(holder);
        color = [color[0], color[1], color[2], color[3] * opacity];
        const worst = backgrounds
          .map((background) => ({ background, ratio: ratio(over(color, background), background) }))
          .sort((a, b) => a.ratio - b.ratio)[0];
        if (!worst) continue;
        results.push({
          label: (holder.textContent ?? "").trim().slice(0, 30),
          color: style.color,
          background: `rgb(${worst.background.slice(0, 3).map(Math.round).join(", ")})`,
          ratio: Math.round(worst.ratio * 100) / 100,
        });
      }
    }
    return results;
  });
}

/** True when the page is no wider than the screen: no sideways scrolling. */
export async function fitsWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/**
 * Boxes whose content is wider than they are and cut off (overflow not visible), other than text meant to end
 * in "…" and inputs: content there is out of reach without sideways scrolling inside the box.
 */
export async function clippedBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => {
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return false;
        const style = getComputedStyle(element);
        if (style.overflowX === "visible" || style.textOverflow === "ellipsis") return false;
        if (style.position === "absolute" && element.clientWidth <= 1) return false; // visually hidden text
        return element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0;
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} ${element.scrollWidth}>${element.clientWidth}`,
      ),
  );
}

/** How wide `value` is in an input against the box's width: it shows whole when `fits`. */
export async function inputShowsWhole(
  page: Page,
  label: string,
  value: string,
): Promise<{ fits: boolean; scrollWidth: number; clientWidth: number; fontSize: string }> {
  const input = page.getByLabel(label);
  return input.evaluate((element, text) => {
    const field = element as HTMLInputElement;
    const before = field.value;
    field.value = text;
    const { scrollWidth, clientWidth } = field;
    field.value = before;
    return { fits: scrollWidth <= clientWidth, scrollWidth, clientWidth, fontSize: getComputedStyle(field).fontSize };
  }, value);
}

/**
 * What every screen must pass: no sideways scrolling, no axe-core WCAG 2.1 A/AA violation, and every button
 * label measured at 4.5:1 or more against what it is painted on.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const width = await fitsWidth(page);
  expect(width.scrollWidth, `${name}: page wider than the screen`).toBeLessThanOrEqual(width.innerWidth);
  expect(await clippedBoxes(page), `${name}: content cut off inside a box`).toEqual([]);
  expect(await axeViolations(page), `${name}: axe-core`).toEqual([]);
  const contrasts = await buttonLabelContrasts(page);
  expect(contrasts.length, `${name}: no button measured`).toBeGreaterThan(0);
  const low = contrasts.filter((label) => label.ratio < 4.5);
  expect(low, `${name}: button labels under 4.5:1`).toEqual([]);
}

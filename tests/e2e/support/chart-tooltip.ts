import type { Locator, Page } from "playwright-core";

/**
 * Where on an ECharts chart the tooltip mentions `marker`, in page coordinates. The chart is a canvas,
 * so the point is found by sweeping synthetic pointer moves over it inside the page (fast, no round
 * trips); the caller then hovers there with the real mouse.
 */
async function findTooltipPoint(chart: Locator, marker: string): Promise<{ x: number; y: number }> {
  await chart.scrollIntoViewIfNeeded();
  const point = await chart.evaluate((element, wanted) => {
    const canvas = element.querySelector("canvas");
    if (!canvas) return null;
    const box = canvas.getBoundingClientRect();
    // ECharts appends its tooltip <div> to the chart's element, beside the canvas's wrapper.
    const tooltipText = () =>
      [...element.children]
        .filter((child) => !child.querySelector("canvas"))
        .map((child) => child.textContent ?? "")
        .join("\n");
    for (let y = 2; y < box.height; y += 3) {
      for (let x = 2; x < box.width; x += 3) {
        const at = { clientX: box.left + x, clientY: box.top + y, bubbles: true };
        canvas.dispatchEvent(new PointerEvent("pointermove", { ...at, pointerType: "mouse" }));
        canvas.dispatchEvent(new MouseEvent("mousemove", at));
        if (tooltipText().includes(wanted)) {
          // The synthetic pointer leaves again, so the real one finds the tooltip hidden.
          canvas.dispatchEvent(new PointerEvent("pointerout", { ...at, pointerType: "mouse" }));
          canvas.dispatchEvent(new MouseEvent("mouseout", at));
          return { x: box.left + x, y: box.top + y };
        }
      }
    }
    return null;
  }, marker);
  if (!point) throw new Error(`no point of the chart shows a tooltip with “${marker}”`);
  return point;
}

/**
 * Hovers the data point whose tooltip mentions `marker` with the real mouse and returns the tooltip
 * once it is visible.
 */
export async function hoverChartTooltip(page: Page, chart: Locator, marker: string): Promise<Locator> {
  const point = await findTooltipPoint(chart, marker);
  // Leave the chart so the tooltip hides, then come back as a person would.
  await page.mouse.move(1, 1);
  const tooltip = chart.locator(":scope > div:not(:has(canvas))").filter({ hasText: marker });
  await tooltip.waitFor({ state: "hidden" });
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await tooltip.waitFor({ state: "visible" });
  return tooltip;
}

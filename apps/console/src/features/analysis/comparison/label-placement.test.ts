import { describe, expect, it } from "vitest";
import { type Box, boxesOverlap, placeLabels } from "./label-placement";

const point = (x: number, y: number): Box => ({ x: x - 5, y: y - 5, width: 10, height: 10 });

function assertNoOverlap(boxes: Box[]) {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(boxesOverlap(boxes[i] as Box, boxes[j] as Box, 0), `labels ${i} and ${j}`).toBe(false);
    }
  }
}

describe("placeLabels", () => {
  it("keeps labels of towns clustered on one spot apart from each other and from every point", () => {
    // Seventeen towns within a few pixels of each other: the worst cluster a quadrant chart can have.
    const points = Array.from({ length: 17 }, (_, k) => ({
      point: point(300 + (k % 4) * 3, 200 + Math.floor(k / 4) * 2),
      width: 44,
      height: 14,
    }));
    const placed = placeLabels(points, { x: 0, y: 0, width: 640, height: 480 });
    const labels = placed.map((placement) => placement.box);
    assertNoOverlap(labels);
    for (const label of labels) {
      for (const { point: dot } of points) expect(boxesOverlap(label, dot, 0)).toBe(false);
    }
    expect(placed.some((placement) => placement.leader)).toBe(true);
  });

  it("puts a lone label right of its point, without a leader line", () => {
    const [only] = placeLabels([{ point: point(100, 100), width: 40, height: 14 }]);
    expect(only).toEqual({ box: { x: 109, y: 93, width: 40, height: 14 }, leader: false });
  });

  it("uses the left side when the right one would leave the plot", () => {
    const [edge] = placeLabels([{ point: point(630, 100), width: 40, height: 14 }], {
      x: 0,
      y: 0,
      width: 640,
      height: 480,
    });
    expect(edge?.box.x).toBe(630 - 5 - 4 - 40);
  });
});

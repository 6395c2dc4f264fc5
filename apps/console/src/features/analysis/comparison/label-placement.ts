/**
 * Places point labels so that no two overlap: each label takes the first free spot around its point (right,
 * left, above, below, the corners), then farther out to the right or left in steps of one line with a leader
 * line back to the point. Greedy in the order given — ECharts lays the labels out one by one in data order.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placement {
  box: Box;
  /** True when the label sits away from its point and needs a line back to it. */
  leader: boolean;
}

const GAP = 4;
const MAX_RINGS = 60;

export function boxesOverlap(a: Box, b: Box, margin = 1): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

function inside(box: Box, bounds: Box | undefined): boolean {
  return (
    !bounds ||
    (box.x >= bounds.x &&
      box.y >= bounds.y &&
      box.x + box.width <= bounds.x + bounds.width &&
      box.y + box.height <= bounds.y + bounds.height)
  );
}

function* candidates(point: Box, width: number, height: number): Generator<Placement> {
  const cx = point.x + point.width / 2;
  const cy = point.y + point.height / 2;
  const right = point.x + point.width + GAP;
  const left = point.x - GAP - width;
  const above = point.y - GAP - height;
  const below = point.y + point.height + GAP;
  const at = (x: number, y: number, leader = false): Placement => ({ box: { x, y, width, height }, leader });
  yield at(right, cy - height / 2);
  yield at(left, cy - height / 2);
  yield at(cx - width / 2, above);
  yield at(cx - width / 2, below);
  yield at(right, above);
  yield at(right, below);
  yield at(left, above);
  yield at(left, below);
  const step = height + 2;
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const reach = GAP * 3 + ring * 2;
    for (const dy of [-ring * step, ring * step]) {
      yield at(right + reach, cy - height / 2 + dy, true);
      yield at(left - reach, cy - height / 2 + dy, true);
    }
  }
}

/**
 * The spot for one label of `width` × `height` beside `point`, clear of every box in `taken` (labels placed
 * before it and points) and, where possible, inside `bounds`.
 */
export function placeLabel(point: Box, width: number, height: number, taken: readonly Box[], bounds?: Box): Placement {
  let fallback: Placement | undefined;
  for (const candidate of candidates(point, width, height)) {
    if (taken.some((box) => boxesOverlap(box, candidate.box))) continue;
    if (inside(candidate.box, bounds)) return candidate;
    fallback ??= candidate;
  }
  // Nothing free inside the bounds: a free spot outside them (the grid's margin) rather than an overlap.
  if (fallback) return fallback;
  throw new RangeError("no free spot for the label");
}

/** Places labels one after another; each placed label (and each point) is then taken. */
export function placeLabels(points: readonly { point: Box; width: number; height: number }[], bounds?: Box) {
  const taken: Box[] = points.map((entry) => entry.point);
  return points.map((entry) => {
    const placement = placeLabel(entry.point, entry.width, entry.height, taken, bounds);
    taken.push(placement.box);
    return placement;
  });
}

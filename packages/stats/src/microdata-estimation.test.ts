import { describe, expect, it } from "vitest";
import { itemMean, ratioMean, satisfactionRate } from "./item-estimation";
import {
  cellOf,
  postStratifiedReferenceSample,
  REFERENCE_ITEMS,
  REFERENCE_POPULATIONS,
  readReferenceRespondents,
  referenceSample,
} from "./reference-data.fixture";
import { createSample, type Sample } from "./sample-design";
import { compositeScore, dimensionScore, overallScore } from "./score-estimation";
import { itemScores, satisfiedFlags } from "./scoring";

/**
 * Expected values from packages/stats/reference/items.R:
 *   items: svymean(~s_k, des, na.rm=TRUE, deff=TRUE) and svymean(~t_k, …) → [mean, SE, deff];
 *   scores: svycontrast(svytotal(~y1+v1+…+y5+v5, des), quote((y1/v1+y2/v2)/2)) etc. → [mean, SE];
 * with des = the design of reference/common.R, subset(des, town=="B"), subset(des, sex=="F"),
 * postStratify(des, ~town+sex+age, cellpop) and rake(des, list(~town+sex, ~town+age), …).
 */
type Triple = readonly [number, number, number];
interface Expected {
  items: readonly { score: Triple; rate: Triple }[];
  dimension1: readonly [number, number];
  dimension2: readonly [number, number];
  overall: readonly [number, number];
  overallWeighted: readonly [number, number];
}
const R: Record<string, Expected> = {
  district: {
    items: [
      {
        score: [60.1309328968903, 5.51879529071441, 1.33891194981868],
        rate: [0.523813420621931, 0.105340865879639, 1.33700535197023],
      },
      {
        score: [55.2301429046195, 5.20090318846164, 1.15058566956458],
        rate: [0.379266961021697, 0.0980844594546251, 1.35083153100366],
      },
      {
        score: [58.3925112976114, 5.86074667962453, 1.42973218687436],
        rate: [0.533605910623341, 0.106144854842322, 1.40567296574606],
      },
      {
        score: [65.1032044702931, 4.82093627652665, 1.15635072338712],
        rate: [0.599292963849926, 0.0986972090454615, 1.38150085607495],
      },
      {
        score: [50.338864359303, 5.31026474850586, 1.31816405314946],
        rate: [0.367730142904619, 0.100359791791614, 1.43198494404078],
      },
    ],
    dimension1: [57.6805379007549, 3.26234853427348],
    dimension2: [57.9448600424025, 2.40684196739745],
    overall: [57.8126989715787, 1.89710240407703],
    overallWeighted: [57.8391311857435, 1.81624634460462],
  },
  townB: {
    items: [
      {
        score: [66.6666666666667, 9.17039639457696, 0.96969696969697],
        rate: [0.666666666666667, 0.164045037751144, 0.969696969696969],
      },
      { score: [52.0833333333333, 7.18611886982817, 1], rate: [0.333333333333333, 0.142067170057268, 1] },
      { score: [56.25, 8.2102579918425, 1], rate: [0.5, 0.150684988997215, 1] },
      { score: [60.4166666666667, 7.18611886982817, 1], rate: [0.583333333333333, 0.148577402837169, 1] },
      { score: [47.9166666666667, 7.18611886982817, 1], rate: [0.333333333333333, 0.142067170057268, 1] },
    ],
    dimension1: [59.375, 4.72978807470409],
    dimension2: [54.8611111111111, 2.98184808089182],
    overall: [57.1180555555556, 2.80150466155283],
    overallWeighted: [56.6666666666667, 2.60994056881134],
  },
  female: {
    items: [
      {
        score: [67.8727506426735, 6.68840583425209, 0.967626885292384],
        rate: [0.58853470437018, 0.136019463359877, 1.1479923132567],
      },
      {
        score: [61.1795565683901, 5.99360005952803, 0.928870098019068],
        rate: [0.442149741252433, 0.140395880538363, 1.28079143741042],
      },
      {
        score: [69.9088561068892, 6.26116500875803, 1.03628613322552],
        rate: [0.653951224358019, 0.146010703833946, 1.32097554495996],
      },
      {
        score: [60.9209313047487, 8.06446056417422, 1.30141265961722],
        rate: [0.482295988934993, 0.146616469056271, 1.37976688673875],
      },
      {
        score: [46.4297583440156, 7.6240821393768, 1.43213309313602],
        rate: [0.308692968712909, 0.139518004841618, 1.46190618031258],
      },
    ],
    dimension1: [64.5261536055318, 4.68721071894458],
    dimension2: [59.0865152518845, 3.61180510435821],
    overall: [61.8063344287081, 2.50735369799054],
    overallWeighted: [61.2623705933434, 2.41726507683266],
  },
  poststratified: {
    items: [
      {
        score: [60.2370278519649, 3.98528019387943, 0.703143731128327],
        rate: [0.529091949637543, 0.0770326727514034, 0.715772649210812],
      },
      {
        score: [56.051637279597, 3.81916071958111, 0.619598759861883],
        rate: [0.38816120906801, 0.0642815634470687, 0.575151397716942],
      },
      {
        score: [57.3076923076923, 3.12522867533169, 0.401331406555352],
        rate: [0.515802675585284, 0.0647043351067546, 0.520499397295163],
      },
      {
        score: [64.8865445859873, 3.98778028097347, 0.785514527230306],
        rate: [0.587579617834395, 0.0868164479080141, 1.05926064407633],
      },
      {
        score: [49.8430400660884, 2.84459823513468, 0.377491774855011],
        rate: [0.368112350268484, 0.0654492123188518, 0.608744494750763],
      },
    ],
    dimension1: [58.1443325657809, 1.96857307338191],
    dimension2: [57.3457589865893, 1.48869167935475],
    overall: [57.7450457761851, 1.21526273011336],
    overallWeighted: [57.665188418266, 1.1720541443963],
  },
  "poststratified female": {
    items: [
      {
        score: [69.2155451601296, 4.68013111928895, 0.507033438924126],
        rate: [0.628283555235696, 0.0860553578005346, 0.476464337909398],
      },
      {
        score: [61.0173824130879, 2.6650743195949, 0.189427637027022],
        rate: [0.437627811860941, 0.0209610789792249, 0.0286137031904262],
      },
      {
        score: [67.6764199655766, 2.45469385035531, 0.146546364896325],
        rate: [0.606884681583477, 0.0299630508244191, 0.0527651554257959],
      },
      {
        score: [60.7794494238156, 6.82333633100489, 0.913159779687352],
        rate: [0.468629961587708, 0.134852819293991, 1.17036817554263],
      },
      {
        score: [46.6518591641988, 2.54969810527972, 0.158988150435789],
        rate: [0.318525830865416, 0.0448159082097967, 0.148292698678638],
      },
    ],
    dimension1: [65.1164637866087, 2.76278636739143],
    dimension2: [58.369242851197, 2.00142964070022],
    overall: [61.7428533189029, 1.81583367454203],
    overallWeighted: [61.0681312253617, 1.74224259163587],
  },
  raked: {
    items: [
      {
        score: [60.1991801990082, 4.45601485144827, 0.881324097630848],
        rate: [0.526762755940145, 0.0976775225499731, 1.15023978464159],
      },
      {
        score: [56.1950273462962, 4.78776858219667, 0.962924326532176],
        rate: [0.390682610648311, 0.0816833169488854, 0.926522607444081],
      },
      {
        score: [57.483705630006, 4.93547496994524, 1.0069188218329],
        rate: [0.518340860201939, 0.0968096655334873, 1.16558163061561],
      },
      {
        score: [64.915824152967, 4.37579967995679, 0.94334782179393],
        rate: [0.588021679101237, 0.0923069850513323, 1.19786280384784],
      },
      {
        score: [49.7102884781938, 4.02083994729185, 0.745088417660491],
        rate: [0.368369588167226, 0.0779300460711235, 0.862798773222163],
      },
    ],
    dimension1: [58.1971037726522, 2.32251964264034],
    dimension2: [57.369939420389, 1.55780918674458],
    overall: [57.7835215965206, 1.3748951507524],
    overallWeighted: [57.7008051612943, 1.29398908217212],
  },
};

/** weights(rake(des, …, control=list(maxit=100, epsilon=1e-13))) from reference/items.R. */
const RAKED_WEIGHTS = [
  480.288461538462, 444.711538461538, 493.269230769231, 456.730769230769, 752.884615384615, 697.115384615385,
  480.288461538462, 444.711538461538, 493.269230769231, 456.730769230769, 1156.640625, 1193.359375, 1058.203125,
  1091.796875, 935.15625, 964.84375, 1156.640625, 1193.359375, 1058.203125, 1091.796875, 935.15625, 964.84375,
  166.494623655914, 160.172043010753, 280.322580645161, 269.677419354839, 259.935483870968, 250.064516129032,
  166.494623655914, 160.172043010753, 280.322580645161, 269.677419354839, 259.935483870968, 250.064516129032,
  166.494623655914, 160.172043010753,
];

const respondents = readReferenceRespondents();
const isFemale = respondents.map((r) => r.sex === "F");
const townB = respondents.filter((r) => r.town === "B");

interface Scenario {
  sample: Sample;
  people: typeof respondents;
  inDomain?: readonly boolean[];
}

const scenarios: Record<string, () => Scenario> = {
  district: () => ({ sample: referenceSample(respondents), people: respondents }),
  townB: () => ({ sample: referenceSample(townB), people: townB }),
  female: () => ({ sample: referenceSample(respondents), people: respondents, inDomain: isFemale }),
  poststratified: () => ({ sample: postStratifiedReferenceSample(respondents), people: respondents }),
  "poststratified female": () => ({
    sample: postStratifiedReferenceSample(respondents),
    people: respondents,
    inDomain: isFemale,
  }),
  raked: () => ({
    sample: createSample(
      respondents.map((r, i) => ({ stratum: r.town, weight: RAKED_WEIGHTS[i] as number })),
      REFERENCE_POPULATIONS,
      {
        kind: "raked",
        margins: [respondents.map((r) => `${r.town}|${r.sex}`), respondents.map((r) => `${r.town}|${r.age}`)],
      },
    ),
    people: respondents,
  }),
};

function expectClose(actual: number | null, expected: number, tolerance = 1e-6): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

function columns({ people, inDomain }: Scenario) {
  const mask = <T>(values: (T | null)[]) => values.map((value, i) => (inDomain && !inDomain[i] ? null : value));
  const scores = Object.fromEntries(
    REFERENCE_ITEMS.map((item, k) => [item, mask(itemScores(people.map((r) => r.answers[k])))]),
  );
  const satisfied = REFERENCE_ITEMS.map((_, k) => mask(satisfiedFlags(people.map((r) => r.answers[k]))));
  return { scores, satisfied };
}

describe.each(Object.keys(R))("microdata estimators against R: %s", (name) => {
  const scenario = (scenarios[name] as () => Scenario)();
  const expected = R[name] as Expected;
  const { scores, satisfied } = columns(scenario);

  it.each(REFERENCE_ITEMS.map((item, k) => [item, k] as const))(
    "item %s: mean, SE, deff; satisfaction rate",
    (item, k) => {
      const want = expected.items[k] as { score: Triple; rate: Triple };
      const score = itemMean(scenario.sample, scores[item] as (number | null)[]);
      expectClose(score.mean, want.score[0]);
      expectClose(score.se, want.score[1]);
      expectClose(score.designEffect, want.score[2]);
      expect(score.ciLow).toBeCloseTo(score.mean - 1.96 * score.se, 12);
      expect(score.ciHigh).toBeCloseTo(score.mean + 1.96 * score.se, 12);
      expect(score.effectiveSampleSize).toBeCloseTo(score.n / (score.designEffect as number), 10);
      const rate = satisfactionRate(scenario.sample, satisfied[k] as (boolean | null)[]);
      expectClose(rate.mean, want.rate[0]);
      expectClose(rate.se, want.rate[1]);
      expectClose(rate.designEffect, want.rate[2]);
      expect(score.n).toBe(rate.n);
    },
  );

  it("dimension and overall scores by linearisation", () => {
    const dimension1 = dimensionScore(scenario.sample, scores, ["q1", "q2"]);
    const dimension2 = dimensionScore(scenario.sample, scores, ["q3", "q4", "q5"]);
    expectClose(dimension1.mean, expected.dimension1[0]);
    expectClose(dimension1.se, expected.dimension1[1]);
    expectClose(dimension2.mean, expected.dimension2[0]);
    expectClose(dimension2.se, expected.dimension2[1]);
    const dimensions = [{ items: ["q1", "q2"] }, { items: ["q3", "q4", "q5"] }];
    const overall = overallScore(scenario.sample, scores, dimensions);
    expectClose(overall.mean, expected.overall[0]);
    expectClose(overall.se, expected.overall[1]);
    const weighted = overallScore(scenario.sample, scores, [
      { items: ["q1", "q2"], weight: 2 },
      { items: ["q3", "q4", "q5"], weight: 3 },
    ]);
    expectClose(weighted.mean, expected.overallWeighted[0]);
    expectClose(weighted.se, expected.overallWeighted[1]);
  });
});

describe("microdata estimators: edge cases", () => {
  const sample = referenceSample(respondents);

  it("counts n as valid answers and respondents with any valid item", () => {
    const { scores } = columns({ sample, people: respondents });
    const q1 = scores.q1 as (number | null)[];
    expect(itemMean(sample, q1).n).toBe(q1.filter((s) => s !== null).length);
    const dimension = dimensionScore(sample, scores, ["q1", "q2"]);
    const anyValid = respondents.filter((_, i) => scores.q1?.[i] != null || scores.q2?.[i] != null).length;
    expect(dimension.n).toBe(anyValid);
  });

  it("leaves out an item nobody answered and averages the rest", () => {
    const { scores } = columns({ sample, people: respondents });
    const withEmpty = { ...scores, q6: respondents.map(() => null) };
    const without = dimensionScore(sample, scores, ["q1", "q2"]);
    const withIt = dimensionScore(sample, withEmpty, ["q1", "q2", "q6"]);
    expect(withIt.mean).toBeCloseTo(without.mean, 12);
    expect(withIt.se).toBeCloseTo(without.se, 12);
    expect([...withIt.coefficients.keys()]).toEqual(["q1", "q2"]);
  });

  it("throws when no value is valid, and when columns are misaligned", () => {
    expect(() =>
      ratioMean(
        sample,
        respondents.map(() => null),
      ),
    ).toThrow(RangeError);
    expect(() => ratioMean(sample, [1, 2])).toThrow(RangeError);
    expect(() => compositeScore(sample, {}, [{ items: ["q1"] }])).toThrow(RangeError);
  });

  it("gives zero variance and no design effect for a constant variable", () => {
    const constant = ratioMean(
      sample,
      respondents.map(() => 50),
    );
    expect(constant.mean).toBe(50);
    expect(constant.se).toBe(0);
    expect(constant.designEffect).toBeNull();
    expect(constant.effectiveSampleSize).toBeNull();
  });

  it("has zero variance in a census stratum", () => {
    const census = createSample(
      townB.map(() => ({ stratum: "B", weight: 1 })),
      { B: townB.length },
    );
    expect(
      ratioMean(
        census,
        townB.map((_, i) => i),
      ).se,
    ).toBe(0);
  });

  it("rejects a stratum with a single respondent when it carries variance", () => {
    const single = createSample(
      [
        { stratum: "A", weight: 10 },
        { stratum: "B", weight: 5 },
        { stratum: "B", weight: 5 },
      ],
      { A: 15, B: 20 },
    );
    expect(() => ratioMean(single, [3, 1, 2])).toThrow(/single respondent/);
  });

  it("the post-stratification fixture uses one cell per town × sex × age", () => {
    expect(new Set(respondents.map((r) => `${r.town}|${cellOf(r)}`)).size).toBe(18);
  });
});

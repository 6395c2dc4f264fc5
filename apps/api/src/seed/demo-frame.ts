/**
 * Demo sampling frame for Songjiang district (演示数据, not official figures): the 17 real streets and towns
 * with their real administrative codes, approximate populations (≈1.9 million in all), and generated
 * communities. 石湖荡镇 has only 9 communities, so under a cap of 20 it cannot reach a target of 200:
 * the allocation preview has a real infeasible case to show.
 */
export interface DemoTown {
  code: string;
  name: string;
  kind: "street" | "town";
  population: number;
  residential: number;
  villages: number;
}

export const DEMO_TOWNS: DemoTown[] = [
  { code: "310117001", name: "岳阳街道", kind: "street", population: 118_000, residential: 22, villages: 0 },
  { code: "310117002", name: "永丰街道", kind: "street", population: 132_000, residential: 20, villages: 4 },
  { code: "310117003", name: "方松街道", kind: "street", population: 168_000, residential: 28, villages: 0 },
  { code: "310117004", name: "中山街道", kind: "street", population: 151_000, residential: 24, villages: 3 },
  { code: "310117005", name: "广富林街道", kind: "street", population: 109_000, residential: 16, villages: 5 },
  { code: "310117006", name: "九里亭街道", kind: "street", population: 83_000, residential: 12, villages: 0 },
  { code: "310117101", name: "泗泾镇", kind: "town", population: 196_000, residential: 18, villages: 8 },
  { code: "310117102", name: "佘山镇", kind: "town", population: 112_000, residential: 10, villages: 14 },
  { code: "310117103", name: "车墩镇", kind: "town", population: 142_000, residential: 12, villages: 14 },
  { code: "310117104", name: "新桥镇", kind: "town", population: 139_000, residential: 16, villages: 8 },
  { code: "310117105", name: "洞泾镇", kind: "town", population: 81_000, residential: 8, villages: 6 },
  { code: "310117106", name: "九亭镇", kind: "town", population: 247_000, residential: 24, villages: 6 },
  { code: "310117109", name: "泖港镇", kind: "town", population: 49_000, residential: 3, villages: 12 },
  { code: "310117116", name: "石湖荡镇", kind: "town", population: 36_000, residential: 2, villages: 7 },
  { code: "310117117", name: "新浜镇", kind: "town", population: 37_000, residential: 3, villages: 8 },
  { code: "310117120", name: "叶榭镇", kind: "town", population: 61_000, residential: 4, villages: 12 },
  { code: "310117121", name: "小昆山镇", kind: "town", population: 58_000, residential: 5, villages: 8 },
];

const RESIDENTIAL_WORDS = [
  "荣乐",
  "龙潭",
  "白云",
  "江中",
  "景德",
  "明中",
  "华亭",
  "云间",
  "谷阳",
  "玉树",
  "松汇",
  "方塔",
  "文诚",
  "新松",
  "西林",
  "秀南",
  "嘉松",
  "茸梅",
  "涞坊",
  "古楼",
  "泰晤",
  "华丰",
  "玉华",
  "三新",
  "普照",
  "长兴",
  "平原",
  "梅家浜",
  "塔汇",
  "乐都",
  "开元",
  "永丰",
  "仓桥",
  "兴旺",
  "阳光",
  "春申",
  "新凯",
  "民乐",
  "静安",
  "金地",
  "锦绣",
  "九峰",
];
const VILLAGE_WORDS = [
  "黄桥",
  "张泾",
  "陈坊",
  "薛家",
  "新农",
  "联民",
  "五龙",
  "胡光",
  "兴达",
  "镇西",
  "曙光",
  "腰泾",
  "徐厍",
  "朱定",
  "泖新",
  "东石",
  "洙桥",
  "金汇",
  "新源",
  "友好",
  "南杨",
  "北横",
  "山前",
  "天马",
  "横山",
  "卢湾",
  "永福",
  "红庄",
];

export interface DemoCommunity {
  code: string;
  townCode: string;
  name: string;
  kind: "residential" | "village";
  population: number;
}

/** A small deterministic generator, so the demo frame is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ROUND_SUFFIXES = ["", "东", "西", "南", "北", "中", "新", "华"];

/** Names are drawn from a running counter over the whole district, so each name occurs once. */
function nameAt(words: string[], counter: number): string {
  const word = words[counter % words.length] ?? "新";
  return `${word}${ROUND_SUFFIXES[Math.floor(counter / words.length)] ?? counter}`;
}

function demoCommunities(
  town: DemoTown,
  townIndex: number,
  counters: { residential: number; village: number },
): DemoCommunity[] {
  const random = seededRandom(9173 + townIndex * 101);
  const specs: { kind: DemoCommunity["kind"]; name: string; code: string }[] = [];
  for (let i = 0; i < town.residential; i++) {
    specs.push({
      kind: "residential",
      name: `${nameAt(RESIDENTIAL_WORDS, counters.residential++)}社区居委会`,
      code: `${town.code}${String(i + 1).padStart(3, "0")}`,
    });
  }
  for (let i = 0; i < town.villages; i++) {
    specs.push({
      kind: "village",
      name: `${nameAt(VILLAGE_WORDS, counters.village++)}村村委会`,
      code: `${town.code}${200 + i + 1}`,
    });
  }
  // Residential communities are larger than villages; shares are jittered, then scaled to the town total.
  const raw = specs.map((spec) => (spec.kind === "residential" ? 1.6 : 0.8) * (0.6 + random() * 0.8));
  const total = raw.reduce((sum, value) => sum + value, 0);
  const populations = raw.map((value) => Math.floor((value / total) * town.population));
  const shortfall = town.population - populations.reduce((sum, value) => sum + value, 0);
  populations[0] = (populations[0] ?? 0) + shortfall;
  return specs.map((spec, index) => ({
    code: spec.code,
    townCode: town.code,
    name: spec.name,
    kind: spec.kind,
    population: populations[index] ?? 0,
  }));
}

export function demoFrame(): { towns: DemoTown[]; communities: DemoCommunity[] } {
  const counters = { residential: 0, village: 0 };
  return {
    towns: DEMO_TOWNS,
    communities: DEMO_TOWNS.flatMap((town, index) => demoCommunities(town, index, counters)),
  };
}

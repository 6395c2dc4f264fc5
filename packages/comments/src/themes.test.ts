import { describe, expect, it } from "vitest";
import { DEFAULT_DOMAIN_KEYWORDS, OTHER_THEME } from "./default-keywords";
import { type CommentTheme, cleanKeywords, representativeComments, segmentWords, suggestThemes } from "./themes";

const themes: CommentTheme[] = [
  { code: "public_facilities", label: "公共设施与服务", keywords: DEFAULT_DOMAIN_KEYWORDS.public_facilities ?? [] },
  { code: "living_environment", label: "居住环境", keywords: DEFAULT_DOMAIN_KEYWORDS.living_environment ?? [] },
  { code: "health", label: "医疗卫生", keywords: ["医院", "看病"] },
  { ...OTHER_THEME, keywords: [] },
];

describe("suggestThemes", () => {
  it.each([
    ["小区停车位太少，晚上停车难", ["public_facilities"], 3],
    ["垃圾分类做得不好，绿化也差", ["living_environment"], 2],
    ["希望增加公交线路，地铁站太远", ["public_facilities"], 2],
    ["看病难，医院排队时间长；路灯不亮", ["public_facilities", "health"], 3],
    ["总体还可以，谢谢", ["other"], 0],
  ])("%s → %j", (text, expected, hits) => {
    expect(suggestThemes(text, themes)).toEqual({ themes: expected, hits });
  });

  it("matches keywords only where a word starts", () => {
    const onlyCar: CommentTheme[] = [{ code: "car", label: "车", keywords: ["车"] }];
    // 停车位 is one word: 车 inside it is not a word of its own.
    expect(suggestThemes("停车位", onlyCar).themes).toEqual([]);
  });

  it("suggests nothing rather than 其他 when the list has no 其他 theme", () => {
    expect(suggestThemes("谢谢", themes.slice(0, 2))).toEqual({ themes: [], hits: 0 });
  });

  it("ignores blank keywords and Latin case", () => {
    const wifi: CommentTheme[] = [{ code: "net", label: "网络", keywords: [" ", "WiFi"] }];
    expect(suggestThemes("小区 wifi 太慢", wifi).themes).toEqual(["net"]);
  });
});

describe("segmentWords", () => {
  it("cuts Chinese into words without punctuation", () => {
    expect(segmentWords("看病难，医院排队时间长")).toEqual(["看病", "难", "医院", "排队", "时间", "长"]);
  });
});

describe("cleanKeywords", () => {
  it("trims, drops blanks and repeats", () => {
    expect(cleanKeywords([" 停车 ", "", "停车", "路灯"])).toEqual(["停车", "路灯"]);
  });
});

describe("representativeComments", () => {
  it("prefers clear, readable comments and no repeats", () => {
    const comments = [
      { text: "停车难", hits: 1 },
      { text: "停车难", hits: 1 },
      { text: "停车位太少，停车难，希望多建停车场", hits: 3 },
      { text: "路灯", hits: 1 },
    ];
    expect(representativeComments(comments, 2).map((comment) => comment.text)).toEqual([
      "停车位太少，停车难，希望多建停车场",
      "停车难",
    ]);
  });
});

/** What the sampling-frame page says (zh-CN). */
export const frameStrings = {
  title: "抽样框",
  intro: "抽样框列出参加调查的街镇和社区及其人口。上传新的抽样框会更新已有的街镇和社区，并加入新的。",
  importTitle: "导入抽样框",
  importHelp:
    "CSV 或 Excel（.xlsx）文件，第一行为列名：town_code, town_name, town_kind（street/街道、town/镇）, town_population, community_code, community_name, community_kind（residential/居委会、village/村委会）, community_population。文件全部正确才会导入。",
  imported: (towns: number, communities: number) => `导入成功：${towns} 个街镇，${communities} 个社区。`,
  currentTitle: "当前抽样框",
  townCode: "代码",
  townName: "街镇",
  townKind: "类型",
  population: "人口",
  communityCount: "社区数",
  kinds: { street: "街道", town: "镇", residential: "居委会", village: "村委会" } as Record<string, string>,
  residential: "居委会",
  village: "村委会",
  populationCells: "分组人口",
  populationCellsCount: (n: number) => (n > 0 ? `${n} 格` : "无"),
  demo: "演示数据",
  removed: (codes: string[]) => `文件中不再列出、已删除的社区：${codes.join("、")}`,
  retained: (codes: string[]) => `文件中不再列出、但已有调查配额因而保留的社区：${codes.join("、")}`,
  populationTitle: "导入分性别、年龄组人口",
  populationHelp:
    "用于样本构成对比和结果加权。列：town_code, sex（male/男, female/女）, age_group（如 18-29）, population。",
  populationImported: (towns: number, cells: number) => `已导入 ${towns} 个街镇的 ${cells} 格人口数据。`,
  totals: (towns: number, communities: number, population: number) =>
    `共 ${towns} 个街镇、${communities} 个社区，人口 ${population.toLocaleString("zh-CN")}`,
} as const;

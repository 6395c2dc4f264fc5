import type { QualityFlagName, ResponseMode, ResponseStatus } from "@survey/contract";

/** What the responses pages and the monitor's quality block say (zh-CN). */
export const responsesStrings = {
  title: "问卷管理",
  intro: "查看每份问卷及其质量提示；作废问卷或更正纸质问卷的录入错误。质量提示只是提醒，是否作废由您判断。",
  noWave: "还没有调查批次。",
  filters: "筛选问卷",
  town: "街镇",
  mode: "方式",
  status: "状态",
  flag: "质量提示",
  all: "全部",
  empty: "没有符合条件的问卷。",
  receipt: "回执编号",
  where: "街镇 / 社区",
  submittedAt: "提交时间",
  duration: "用时",
  flags: "质量提示",
  actions: "操作",
  open: "查看",
  openLabel: (receipt: string) => `查看问卷 ${receipt}`,
  total: (total: number) => `共 ${total} 份`,
  pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  previous: "上一页",
  next: "下一页",
  minutes: (seconds: number) =>
    seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${String(seconds % 60).padStart(2, "0")} 秒`,
  corrected: "已更正",
  thresholdTitle: "“作答过快”的标准",
  thresholdLabel: "每题最少秒数",
  thresholdHint: "线上问卷平均每道已答题用时少于此秒数时提示“作答过快”；填 0 关闭此项。",
  thresholdSave: "保存",
  thresholdSaved: "已保存。",
  // One response
  back: "返回问卷列表",
  responseTitle: (receipt: string) => `问卷 ${receipt}`,
  facts: "基本信息",
  sex: "性别",
  birthYear: "出生年份",
  ageGroup: "年龄组",
  registered: "户籍",
  registeredYes: "户籍居民",
  registeredNo: "非户籍居民",
  unknown: "未知",
  male: "男",
  female: "女",
  enteredBy: "录入人",
  voidedNotice: (at: string, by: string, reason: string) => `已于 ${at} 由 ${by} 作废。原因：${reason}`,
  answersTitle: "答案",
  noAnswer: "未答",
  voidAction: "作废这份问卷",
  voidTitle: "作废问卷",
  voidExplain:
    "作废后，这份问卷不再计入结果和导出，占用的名额退回给所在社区和街镇；此人仍不能再次参加本次调查。作废不能撤销。",
  reason: "原因",
  reasonHint: "至少 2 个字，会记入操作日志。",
  voidConfirm: "确认作废",
  correctAction: "更正答案",
  correctTitle: "更正答案",
  correctExplain: "按纸质问卷上的代码修改答案；原答案会保留在操作日志中，结果随之更新。",
  correctSave: "保存更正",
  correctCancel: "取消更正",
  correctedNotice: "答案已更正，结果已更新。",
  onlineLocked: "线上问卷是居民本人填写的答案，不能修改。",
  // Monitor block
  qualityTitle: "问卷质量提示",
  qualityVoid: "已作废",
  qualityLate: "逾期未计入",
  qualityOpen: "查看问卷",
} as const;

export const modeLabels: Record<ResponseMode, string> = {
  online: "线上",
  interviewer: "入户录入",
  import: "纸质导入",
};

export const statusLabels: Record<ResponseStatus, string> = {
  counted: "有效",
  late: "逾期未计入",
  void: "已作废",
};

export const flagLabels: Record<QualityFlagName, string> = {
  too_fast: "作答过快",
  straight_lining: "所有满意度题答案相同",
  duplicate_entry: "疑似重复录入",
};

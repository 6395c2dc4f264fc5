import type { Role } from "@survey/contract";
import { ageGroupLabel } from "@survey/identity";

/** What the whole console says, whatever the page (zh-CN); each feature has its own `strings.ts` beside it. */
export const strings = {
  appName: "民生满意度调查管理平台",
  office: "松江区社会建设办公室",
  loading: "正在加载…",
  retry: "重试",
  cancel: "取消",
  confirm: "确定",
  save: "保存",
  edit: "编辑",
  back: "返回",
  none: "无",
  all: "全部",
  unknownError: "出现了意外错误，请稍后再试。",
  networkError: "无法连接服务器，请检查网络后重试。",
  forbidden: "您的账号没有权限查看此页面。",
  notFoundTitle: "页面不存在",
  notFoundBody: "您访问的页面不存在，请从左侧菜单选择。",
  /** Words of tables on several pages. */
  town: "街镇",
  district: "全区",
  rank: "名次",

  roles: {
    admin: "系统管理员",
    office: "社建办分析人员",
    staff: "调查员/督导",
    department: "职能部门",
  } satisfies Record<Role, string>,

  nav: {
    label: "主菜单",
    monitor: "调查进度",
    results: "调查结果",
    comments: "居民意见",
    entry: "纸质问卷录入",
    posters: "二维码海报",
    responses: "问卷管理",
    frame: "抽样框",
    waves: "调查批次",
    indicators: "客观指标",
    crosstab: "交叉分析",
    trends: "历年比较",
    comparison: "主客观比较",
    questionnaires: "问卷设计",
    warnings: "预警和预测",
    benchmarks: "兄弟区对比",
    recommendations: "整改建议",
    submissions: "部门报送",
    users: "用户管理",
    audit: "操作日志",
    groupFieldwork: "实地调查",
    groupAnalysis: "分析",
    groupSettings: "管理",
  },

  header: {
    signOut: "退出登录",
    signedInAs: "当前用户",
    menu: "菜单",
  },

  categories: {
    male: "男",
    female: "女",
    unknown: "未知",
    registered: "户籍",
    unregistered: "非户籍",
  } as Record<string, string>,

  /** Uploading a CSV or .xlsx file, and the report of a refused one. */
  fileUpload: {
    label: "选择文件",
    choose: "选择文件",
    noFile: "未选择文件",
    submit: "上传并导入",
    submitting: "正在导入…",
    tooLarge: "文件太大，请拆分后上传。",
    badType: "只支持 .csv 或 .xlsx 文件。",
    reportTitle: "文件中有错误，未导入任何数据",
    reportIntro: (count: number) => `共发现 ${count} 处错误，请修改后重新上传：`,
    sheetColumn: "工作表",
    rowColumn: "行号",
    columnColumn: "列",
    messageColumn: "问题",
  },
} as const;

export function roleLabel(role: Role): string {
  return strings.roles[role];
}

/** One label per code everywhere: sex, registration, and age groups in the "18–29岁" style. */
export function categoryLabel(category: string): string {
  return strings.categories[category] ?? ageGroupLabel(category);
}

/**
 * Starting keyword lists per objective domain (the questionnaire's domains are the default themes, STATISTICS §7),
 * from what residents of a district typically write; the office edits them per wave in the console.
 */
export const DEFAULT_DOMAIN_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  employment_income: ["就业", "工作", "找工作", "收入", "工资", "失业", "招聘", "培训", "物价"],
  social_security: ["养老金", "养老保险", "社保", "医保", "低保", "救助", "补贴", "养老", "退休"],
  health: ["医院", "看病", "医生", "卫生", "社区医院", "卫生服务中心", "挂号", "排队", "药", "体检"],
  education: ["学校", "教育", "幼儿园", "入学", "上学", "老师", "学位", "托育", "课外"],
  culture: ["文化", "体育", "健身", "图书馆", "活动中心", "广场舞", "文艺", "运动场"],
  science_technology: ["网络", "宽带", "信号", "智慧", "科技", "线上办理", "手机办理"],
  public_safety: ["治安", "安全", "小偷", "盗窃", "诈骗", "消防", "监控", "电动车", "交通事故", "食品安全"],
  public_facilities: ["公交", "地铁", "交通", "道路", "路灯", "停车", "停车位", "充电桩", "菜场", "便民", "厕所"],
  community_building: ["居委会", "村委会", "物业", "社区", "志愿者", "业委会", "办事", "服务态度"],
  living_environment: ["垃圾", "环境", "绿化", "噪音", "污染", "河道", "卫生环境", "违建", "群租", "空气", "臭"],
  social_organizations: ["社会组织", "社工", "协会", "公益"],
  fiscal_input: ["投入", "资金", "经费", "财政"],
};

/** 其他: comments that no keyword places. */
export const OTHER_THEME = { code: "other", label: "其他" } as const;

import type { Role } from "@survey/contract";

/** Every sentence the console shows, in one place (zh-CN). */
export const strings = {
  appName: "民生满意度调查管理平台",
  appShortName: "调查管理平台",
  office: "松江区社会建设办公室",
  loading: "正在加载…",
  retry: "重试",
  cancel: "取消",
  confirm: "确定",
  save: "保存",
  close: "关闭",
  edit: "编辑",
  back: "返回",
  none: "无",
  all: "全部",
  yes: "是",
  no: "否",
  unknownError: "出现了意外错误，请稍后再试。",
  networkError: "无法连接服务器，请检查网络后重试。",
  sessionExpired: "登录已过期，请重新登录。",
  forbidden: "您的账号没有权限查看此页面。",
  notFoundTitle: "页面不存在",
  notFoundBody: "您访问的页面不存在，请从左侧菜单选择。",
  laterTitle: "即将开放",
  laterBody: "此功能将在后续版本中提供。",
  laterBadge: "即将开放",

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
    entry: "纸质问卷录入",
    posters: "二维码海报",
    frame: "抽样框",
    waves: "调查批次",
    indicators: "客观指标",
    crosstab: "交叉分析",
    trends: "历年比较",
    comparison: "主客观比较",
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

  signIn: {
    title: "登录",
    subtitle: "请使用工作账号登录",
    username: "用户名",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    locked: (until: string) => `账号因多次密码错误已被暂时锁定，请于 ${until} 之后再试。`,
    footer: "仅限授权工作人员使用 · 所有操作均记录在案",
  },

  wavePicker: {
    label: "调查批次",
    empty: "还没有调查批次",
  },

  waveStatus: {
    draft: "草稿",
    open: "进行中",
    closed: "已结束",
  } as Record<string, string>,

  monitor: {
    title: "调查进度",
    live: "实时更新",
    polling: "每 5 秒刷新",
    updatedAt: (time: string) => `更新于 ${time}`,
    export: "导出 Excel",
    totalsCompleted: "已完成问卷",
    totalsTarget: "目标",
    totalsReserved: "答题中（占用名额）",
    totalsClosesAt: "截止日期",
    totalsAtRisk: "需关注街镇",
    daysLeft: (days: number) => (days > 0 ? `还剩 ${days} 天` : "已到截止日期"),
    ofTarget: (target: number) => `目标 ${target}`,
    noClosingDate: "未设定",
    townsTitle: "各街镇完成情况",
    townColumn: "街镇",
    progressColumn: "完成 / 目标",
    reservedColumn: "答题中",
    communitiesColumn: "社区（空 / 满）",
    paceColumn: "日均完成",
    completedLegend: "已完成",
    reservedLegend: "答题中",
    gridTitle: "社区配额",
    gridFilterLabel: "筛选社区",
    gridTownLabel: "街镇",
    filterAll: "全部",
    filterEmpty: "尚无问卷",
    filterFull: "已满",
    filterBelowHalf: "不足一半",
    gridEmpty: "没有符合条件的社区。",
    tileTitle: (name: string, completed: number, reserved: number, cap: number) =>
      `${name}：已完成 ${completed}，答题中 ${reserved}，上限 ${cap}`,
    gridLegendLow: "0",
    gridLegendHigh: "已满",
    dailyTitle: "每日完成问卷数",
    dailyEmpty: "还没有完成的问卷。",
    dailySeries: "完成问卷",
    dailyCumulative: "累计",
    riskTitle: "可能无法按期完成的街镇",
    riskBadge: "进度落后",
    riskNone: "按目前进度，所有街镇都能在截止日期前完成。",
    riskNoDate: "此批次没有设定截止日期，无法预测。",
    riskProjected: (projected: number, target: number) => `预计截止时完成 ${projected} / ${target}`,
    riskPace: (perDay: number) => `近 7 天日均 ${perDay.toFixed(1)} 份`,
    riskExpected: (date: string | null) => (date ? `按此进度 ${date} 完成` : "近期没有新增问卷"),
    compositionTitle: "样本构成与人口对比",
    compositionTown: "街镇",
    compositionSex: "性别",
    compositionAge: "年龄组",
    compositionRegistered: "户籍",
    compositionSample: "样本",
    compositionPopulation: "人口",
    compositionN: (n: number) => `样本量 ${n}`,
    compositionSourceTown: "人口数据：本街镇",
    compositionSourceDistrict: "人口数据：全区（本街镇无分组人口）",
    compositionSourceNone: "暂无人口分组数据",
    noWave: "还没有调查批次。管理员可在“调查批次”中创建。",
  },

  categories: {
    male: "男",
    female: "女",
    unknown: "未知",
    registered: "户籍",
    unregistered: "非户籍",
    "under-18": "18岁以下",
    "70+": "70岁及以上",
  } as Record<string, string>,

  frame: {
    title: "抽样框",
    intro: "抽样框列出参加调查的街镇和社区及其人口。上传新的抽样框会更新已有的街镇和社区，并加入新的。",
    importTitle: "导入抽样框",
    importHelp:
      "CSV 或 Excel（.xlsx）文件，第一行为列名：town_code, town_name, town_kind（street/街道、town/镇）, town_population, community_code, community_name, community_kind（residential/居委会、village/村委会）, community_population。文件全部正确才会导入。",
    fileLabel: "选择文件",
    upload: "上传并导入",
    uploading: "正在导入…",
    imported: (towns: number, communities: number) => `导入成功：${towns} 个街镇，${communities} 个社区。`,
    reportTitle: "文件中有错误，未导入任何数据",
    reportIntro: (count: number) => `共发现 ${count} 处错误，请修改后重新上传：`,
    rowColumn: "行号",
    columnColumn: "列",
    messageColumn: "问题",
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
  },

  waves: {
    title: "调查批次",
    create: "新建批次",
    listEmpty: "还没有调查批次。",
    code: "批次代码",
    titleField: "名称",
    year: "年度",
    status: "状态",
    questionnaire: "问卷版本",
    townTarget: "每个街镇目标份数",
    communityCap: "每个社区上限",
    minAge: "最低年龄",
    reservationMinutes: "答题名额保留时间（分钟）",
    closesAt: "截止日期",
    allocation: "分配方案",
    allocationCap: "按上限（先到先得）",
    allocationProportional: "按人口比例",
    towns: "参加的街镇",
    selectAllTowns: "全选",
    clearTowns: "全不选",
    detail: "查看",
    open: "开放调查",
    close: "结束调查",
    openConfirmTitle: "确认开放调查",
    openConfirmBody: (title: string) => `开放后居民即可通过链接和二维码参加“${title}”。确定开放吗？`,
    closeConfirmTitle: "确认结束调查",
    closeConfirmBody: (title: string) =>
      `结束后将不再接受新的问卷，正在答题的居民也无法提交计入配额。确定结束“${title}”吗？`,
    created: "已创建调查批次。",
    saved: "已保存。",
    opened: "调查已开放。",
    closed: "调查已结束。",
    newTitle: "新建调查批次",
    editTitle: "批次设置",
    closedReadOnly: "此批次已经结束，设置不能再修改。",
    allocationTitle: "配额分配预览",
    allocationIntro: "按当前设置估算每个街镇能否达到目标份数。标红的街镇在现有社区上限下无法完成目标。",
    allocationTown: "街镇",
    allocationTarget: "目标",
    allocationCommunities: "社区数",
    allocationCapacity: "容量（上限合计）",
    allocationPlanned: "计划完成",
    allocationMissing: "缺口",
    allocationSmallestCap: "所需最小上限",
    allocationNote: "说明",
    allocationTotals: (target: number, capacity: number, infeasible: number) =>
      `目标合计 ${target}，容量合计 ${capacity}，${infeasible} 个街镇无法达到目标。`,
    allocationAllFeasible: "所有街镇都能在当前上限下达到目标。",
    questionnaireNone: "（未选择）",
    questionnaireById: (id: number) => `问卷 #${id}`,
    progress: "进度",
    questionnaireOption: (title: string, version: number) => `${title}（第 ${version} 版）`,
    targetsTitle: "目标与配额",
    rulesTitle: "参与规则",
    basicsTitle: "基本信息",
    townsFixed: "参加的街镇在创建后不能更改。",
    townsCount: (n: number) => `${n} 个街镇`,
    actions: "操作",
    closesAtHelp: "当天 24 时截止（北京时间）。用于预测各街镇能否按期完成。",
    planLabel: "预览方案",
    allocationBasis: (target: number | undefined, cap: number | undefined) =>
      target !== undefined && cap !== undefined ? `（按每街镇目标 ${target}、每社区上限 ${cap} 计算）` : "",
    requiredHint: "必填",
  },

  entry: {
    title: "纸质问卷录入",
    intro: "入户访问的纸质问卷在此录入，与线上问卷执行相同的配额和去重规则。",
    wave: "调查批次",
    town: "街镇",
    community: "社区",
    chooseTown: "请选择街镇",
    chooseCommunity: "请选择社区",
    communityFull: "（已满）",
    communityQuota: (completed: number, cap: number) => `${completed}/${cap}`,
    idNumber: "身份证号码（可选）",
    idNumberHint: "填写后用于去重，系统只保存加密后的摘要。",
    phone: "手机号码（可选）",
    phoneHint: "填写后用于去重，只保存后 4 位。",
    sex: "性别（未填身份证号时）",
    ageGroup: "年龄组（未填身份证号时）",
    notGiven: "未填写",
    derivedFromId: "将根据身份证号码自动得出",
    startForm: "开始录入问卷",
    respondentTitle: "受访者信息",
    formTitle: "问卷内容",
    changeRespondent: "修改受访者信息",
    submitting: "正在提交…",
    submit: "提交问卷",
    respondentSummary: (community: string, id: boolean, phone: boolean) =>
      `${community} · ${id ? "已填身份证号" : "未填身份证号"} · ${phone ? "已填手机号" : "未填手机号"}`,
    submitted: (receipt: string) => `已保存，回执编号 ${receipt}。`,
    notCounted: "注意：该社区或街镇配额已满，此问卷已保存但不计入样本。",
    nextOne: "录入下一份",
    noOpenWave: "目前没有进行中的调查批次。",
    noQuestionnaire: "此批次尚未配置问卷。",
    importTitle: "批量导入离线问卷",
    importHelp:
      "CSV 或 Excel（.xlsx）文件：第一列 community_code，可选 id_number、phone、sex、age_group，之后每个题目一列（1–5 为满意度，8 = 不知道，9 = 不适用，空白 = 未答）。",
    imported: (imported: number, counted: number) => `已导入 ${imported} 份问卷，其中 ${counted} 份计入样本。`,
    tabForm: "逐份录入",
    tabImport: "批量导入",
  },

  posters: {
    title: "二维码海报",
    intro: "每个社区一页 A4 海报，扫描二维码即可打开问卷并自动选好社区。选择街镇后预览并打印。",
    town: "街镇",
    chooseTown: "请选择街镇",
    preview: "预览",
    openNewTab: "在新标签页打开",
    print: "打印",
    previewTitle: (town: string) => `${town} 社区二维码海报`,
    communities: (n: number) => `${n} 个社区`,
  },

  users: {
    title: "用户管理",
    create: "新建用户",
    username: "用户名",
    displayName: "姓名",
    role: "角色",
    scope: "范围",
    scopeAllTowns: "全部街镇",
    scopeAllDomains: "全部领域",
    status: "状态",
    active: "正常",
    disabled: "已停用",
    locked: "已锁定",
    createdAt: "创建时间",
    actions: "操作",
    password: "密码",
    newPassword: "新密码（留空则不修改）",
    passwordHint: (min: number) => `至少 ${min} 个字符`,
    townCodes: "限定街镇（不选 = 全部街镇）",
    domains: "限定指标领域（不选 = 全部领域）",
    disabledField: "停用此账号（停用后立即退出所有登录）",
    lockedUntil: (until: string) => `锁定至 ${until}`,
    you: "（本人）",
    disable: "停用",
    enable: "启用",
    createTitle: "新建用户",
    editTitle: (name: string) => `编辑用户：${name}`,
    created: "已创建用户。",
    saved: "已保存。",
  },

  audit: {
    title: "操作日志",
    intro: "所有登录和数据变更都记录在此：谁、何时、做了什么、从哪里。",
    at: "时间",
    user: "用户",
    action: "操作",
    target: "对象",
    details: "详情",
    ip: "来源地址",
    filterAction: "操作类型",
    filterUser: "用户名",
    search: "查询",
    more: "加载更早的记录",
    empty: "没有符合条件的记录。",
    system: "系统",
    actions: {
      "auth.login": "登录",
      "auth.login_failed": "登录失败",
      "auth.locked": "账号锁定",
      "auth.logout": "退出登录",
      "user.create": "新建用户",
      "user.update": "修改用户",
      "frame.import": "导入抽样框",
      "frame.population_import": "导入分组人口",
      "questionnaire.create": "新建问卷",
      "wave.create": "新建批次",
      "wave.update": "修改批次",
      "wave.open": "开放调查",
      "wave.close": "结束调查",
      "response.interview": "录入纸质问卷",
      "response.import": "导入离线问卷",
      "indicator.create": "新建指标",
      "indicator.update": "修改指标",
      "indicator.values_import": "导入指标数值",
    } as Record<string, string>,
  },

  fileUpload: {
    choose: "选择文件",
    noFile: "未选择文件",
    tooLarge: "文件太大，请拆分后上传。",
    badType: "只支持 .csv 或 .xlsx 文件。",
  },
} as const;

export function roleLabel(role: Role): string {
  return strings.roles[role];
}

export function categoryLabel(category: string): string {
  return strings.categories[category] ?? category;
}

export function auditActionLabel(action: string): string {
  return strings.audit.actions[action] ?? action;
}

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const dateTimeSecondsFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** Times are shown in Shanghai time whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : "—";
}

/** For the audit log, where the order of events within a minute matters. */
export function formatDateTimeSeconds(iso: string): string {
  return dateTimeSecondsFormat.format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : "—";
}

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1)}%`;
}

/** What the sign-in, users and audit-log pages say (zh-CN). */
export const signInStrings = {
  title: "登录",
  subtitle: "请使用工作账号登录",
  username: "用户名",
  password: "密码",
  submit: "登录",
  submitting: "正在登录…",
  delayed: (seconds: number) => `密码错误次数较多，请等待 ${seconds} 秒后再试。`,
  footer: "仅限授权工作人员使用 · 所有操作均记录在案",
} as const;

export const usersStrings = {
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
  createdAt: "创建时间",
  actions: "操作",
  password: "密码",
  newPassword: "新密码（留空则不修改）",
  passwordHint: (min: number) => `至少 ${min} 个字符`,
  townCodes: "限定街镇（不选 = 全部街镇）",
  domains: "限定指标领域（不选 = 全部领域）",
  disabledField: "停用此账号（停用后立即退出所有登录）",
  lockedUntil: (until: string) => `登录需等待至 ${until}`,
  you: "（本人）",
  createTitle: "新建用户",
  editTitle: (name: string) => `编辑用户：${name}`,
} as const;

export const auditStrings = {
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
    "auth.delayed": "登录被延迟",
    "auth.logout": "退出登录",
    "auth.password_change": "修改自己的密码",
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
  /** Details that are a flag, shown as a sentence instead of `key: true`. */
  flags: {
    unknownName: "所填用户名不是任何账号（所填内容不予记录）",
  } as Record<string, string>,
} as const;

export function auditActionLabel(action: string): string {
  return auditStrings.actions[action] ?? action;
}

export const passwordChangeStrings = {
  open: "修改密码",
  title: "修改我的密码",
  intro: "修改后，您在其他电脑或浏览器上的登录会立即退出，本页保持登录。",
  current: "当前密码",
  next: "新密码",
  repeat: "再次输入新密码",
  mismatch: "两次输入的新密码不一致。",
  hint: (min: number) => `至少 ${min} 个字符，不能只是空格、重复的字符或常见密码`,
  submit: "修改密码",
  close: "完成",
  done: "密码已修改。其他设备上的登录已退出。",
} as const;

/**
 * What each audit-log action is called (zh-CN): the console's filter and the server's readable descriptions and
 * export read the same names. An action not listed is shown by its code.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "账号锁定",
  "auth.delayed": "登录被延迟",
  "auth.logout": "退出登录",
  "auth.password_change": "修改自己的密码",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.unlock": "解锁用户",
  "frame.import": "导入抽样框",
  "frame.population_import": "导入分组人口",
  "questionnaire.create": "新建问卷",
  "questionnaire.version": "新建问卷版本",
  "questionnaire.edit": "修改问卷草稿",
  "wave.create": "新建批次",
  "wave.update": "修改批次",
  "wave.open": "开放调查",
  "wave.close": "结束调查",
  "wave.reopen": "重新开放调查",
  "wave.delete": "删除批次",
  "wave.quality_threshold": "修改“作答过快”标准",
  "response.interview": "录入纸质问卷",
  "response.import": "导入离线问卷",
  "response.void": "作废问卷",
  "response.correct": "更正问卷答案",
  "indicator.create": "新建指标",
  "indicator.update": "修改指标",
  "indicator.values_import": "导入指标数值",
  "indicator.deadline": "设置指标报送截止日期",
  "benchmark.import": "导入兄弟区数据",
  "recommendation.create": "提出整改建议",
  "recommendation.respond": "答复整改建议",
  "comments.tag": "标注居民意见主题",
  "comments.themes": "修改意见主题词表",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

import { auditActionLabel } from "@survey/contract";
import type { AuditNames } from "./data/audit";

/**
 * An audit entry in plain words for the office: the action, the thing it touched by its name, and the details
 * that matter, with codes turned into names and no JSON.
 */

const ROLE_LABELS: Record<string, string> = {
  admin: "管理员",
  office: "社建办",
  staff: "调查员",
  department: "职能部门",
};
const MODE_LABELS: Record<string, string> = { online: "线上", interviewer: "入户录入", import: "纸质导入" };

/** Detail keys and how they read; a key mapped to null is left out (already said, or internal). */
type DetailReader = ((value: unknown, names: AuditNames) => string | null) | null;

const text = (value: unknown) => (value === null || value === undefined || value === "" ? null : String(value));
const place = (value: unknown, names: AuditNames) =>
  typeof value === "string" ? (names.places.get(value) ?? value) : null;
const places = (value: unknown, names: AuditNames) =>
  Array.isArray(value) ? (value.length === 0 ? "全部" : value.map((code) => place(code, names)).join("、")) : null;
const dateTime = (value: unknown) =>
  typeof value === "string" && !Number.isNaN(Date.parse(value))
    ? new Date(value).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })
    : text(value);
const count = (value: unknown) => (typeof value === "number" ? String(value) : null);

/** Field names of `changes` as the console's forms call them. */
const CHANGE_LABELS: Record<string, string> = {
  displayName: "姓名",
  role: "角色",
  disabled: "停用",
  password: "密码",
  townCodes: "街镇",
  domains: "指标领域",
  title: "名称",
  opensAt: "开始时间",
  closesAt: "截止时间",
  townTarget: "每街镇目标",
  communityCap: "每社区上限",
  minAge: "最低年龄",
  reservationMinutes: "名额保留时间",
  questionnaireId: "问卷",
  towns: "街镇目标",
  communities: "社区上限",
  reason: "原因",
  name: "名称",
  unit: "单位",
  target: "目标值",
  weight: "权重",
  direction: "方向",
};

const DETAILS: Record<string, [label: string, read: DetailReader]> = {
  receiptCode: ["回执编号", text],
  reason: ["原因", text],
  username: ["用户名", text],
  role: ["角色", (value) => (typeof value === "string" ? (ROLE_LABELS[value] ?? value) : null)],
  townCodes: ["街镇", places],
  townCode: ["街镇", place],
  communityCode: ["社区", place],
  mode: ["方式", (value) => (typeof value === "string" ? (MODE_LABELS[value] ?? value) : null)],
  code: ["代码", text],
  title: ["名称", text],
  format: ["文件格式", (value) => (typeof value === "string" ? value.toUpperCase() : null)],
  towns: ["街镇数", count],
  communities: ["社区数", count],
  removedCommunities: ["移除社区数", count],
  imported: ["导入份数", count],
  counted: ["计入样本份数", count],
  closesAt: ["截止时间", dateTime],
  previousClosesAt: ["原截止时间", dateTime],
  changed: ["更正的题目", (value) => (Array.isArray(value) ? value.join("、") : null)],
  changes: [
    "修改项",
    (value) =>
      value && typeof value === "object"
        ? Object.keys(value as object)
            .map((key) => CHANGE_LABELS[key] ?? key)
            .join("、") || null
        : null,
  ],
  slotReleased: [
    "名额",
    (value) => (value === true ? "已退回所在社区和街镇" : value === false ? "原本未计入名额" : null),
  ],
  unknownName: ["", (value) => (value === true ? "所填用户名不是任何账号（所填内容不予记录）" : null)],
  confirmAnotherOpen: ["", (value) => (value === true ? "确认同时开放多个批次" : null)],
  previousAnswers: ["", (value) => (value ? "原答案已保存在日志中" : null)],
  // Said by the target already, or for machines only.
  waveId: ["", null],
  domains: ["", null],
};

function describeValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return `${value.length} 项`;
  return null;
}

/** The thing an entry's target names, by its name: 批次“2026年…”, 用户“张三”, 问卷 ABCDE-FGHIJ. */
function describeTarget(target: string | null, details: Record<string, unknown>, names: AuditNames): string | null {
  if (!target) return null;
  const [kind, id = ""] = target.split(":");
  switch (kind) {
    case "wave":
      return `批次“${names.waves.get(id) ?? (typeof details.title === "string" ? details.title : id)}”`;
    case "user":
      return `用户“${names.users.get(id) ?? (typeof details.username === "string" ? details.username : id)}”`;
    case "response":
      return typeof details.receiptCode === "string" ? `问卷 ${details.receiptCode}` : "一份问卷";
    case "indicator":
      return `指标 ${id}`;
    case "frame":
      return "抽样框";
    case "indicator_values":
      return "指标数值";
    default:
      return target;
  }
}

export function describeAuditEntry(
  entry: { action: string; target: string | null; details: Record<string, unknown> },
  names: AuditNames,
): string {
  const parts: string[] = [];
  const targetName = describeTarget(entry.target, entry.details, names);
  const head = targetName ? `${auditActionLabel(entry.action)}：${targetName}` : auditActionLabel(entry.action);
  if (entry.action === "wave.quality_threshold") {
    parts.push(`每题最少秒数从 ${String(entry.details.from)} 改为 ${String(entry.details.to)}`);
  } else {
    // The dictionary's order, then any other keys (jsonb does not keep the order they were written in).
    const keys = [
      ...Object.keys(DETAILS).filter((key) => key in entry.details),
      ...Object.keys(entry.details).filter((key) => !(key in DETAILS)),
    ];
    for (const key of keys) {
      const value = entry.details[key];
      if (key === "receiptCode" && targetName?.startsWith("问卷")) continue;
      if (key === "from" || key === "to") continue;
      const known = DETAILS[key];
      if (known && known[1] === null) continue;
      const said = known ? known[1]?.(value, names) : describeValue(value);
      if (!said) continue;
      const label = known ? known[0] : key;
      parts.push(label ? `${label}：${said}` : said);
    }
  }
  return parts.length > 0 ? `${head}（${parts.join("；")}）` : head;
}

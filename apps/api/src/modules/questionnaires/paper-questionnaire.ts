import { ageGroups } from "@survey/identity";
import { listQuestionnaireItems, type QuestionnaireItem } from "@survey/questionnaire";
import type { StoredQuestionnaire } from "./questionnaire-service";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A4 on paper: pages break between questions, never inside one, and an area's heading stays with its first
 * question. Text only (no script), printable from any browser.
 */
export const PAPER_STYLE = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; color: #111; font: 10.5pt/1.55 "Noto Serif CJK SC", "Songti SC", "SimSun", serif; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
.version { text-align: center; margin: 0 0 4mm; color: #333; }
.intro { margin: 0 0 4mm; }
.boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 4mm; border: 1.2pt solid #111; padding: 3mm; margin: 0 0 3mm; break-inside: avoid; }
.box { display: flex; align-items: flex-end; gap: 2mm; min-height: 8mm; }
.box .label { white-space: nowrap; font-weight: bold; }
.box .line { flex: 1; border-bottom: 0.8pt solid #111; min-height: 6mm; }
.box--wide { grid-column: 1 / -1; }
.cells { display: inline-flex; }
.cells span { width: 5.2mm; height: 6.5mm; border: 0.8pt solid #111; margin-left: -0.8pt; }
.options { display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.respondent-note { grid-column: 1 / -1; font-size: 9pt; color: #333; margin: 0; }
.how { font-size: 9.5pt; border-left: 2pt solid #111; padding: 1mm 3mm; margin: 0 0 4mm; }
.area { break-before: auto; }
.area h2 { font-size: 12.5pt; margin: 5mm 0 1mm; break-after: avoid; page-break-after: avoid; }
.area .area-intro { margin: 0 0 2mm; font-size: 9.5pt; color: #333; break-after: avoid; page-break-after: avoid; }
.question { break-inside: avoid; page-break-inside: avoid; padding: 2mm 0 2.5mm; border-top: 0.5pt solid #bbb; }
.question .title { font-weight: bold; margin: 0 0 1mm; }
.question .name { font: 8pt monospace; color: #444; float: right; margin-left: 3mm; }
.question .note { font-size: 9.5pt; margin: 0 0 1mm; }
.question .condition { font-size: 9pt; font-style: italic; margin: 0 0 1mm; }
.question ol.choices { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(40mm, 1fr)); gap: 0.5mm 3mm; }
.question ol.choices li { white-space: nowrap; }
.code { display: inline-block; min-width: 6mm; padding: 0 1mm; margin-right: 1.5mm; border: 0.8pt solid #111; text-align: center; font-weight: bold; font-family: monospace; }
.write-in { height: 22mm; border: 0.8pt solid #111; }
.multiple { font-size: 9pt; font-weight: normal; }
.end { margin-top: 6mm; text-align: center; break-inside: avoid; }
@media screen { body { padding: 10mm; background: #fff; } }
`;

function box(label: string, wide = false): string {
  return `<div class="box${wide ? " box--wide" : ""}"><span class="label">${escapeHtml(label)}</span><span class="line"></span></div>`;
}

function cells(label: string, count: number): string {
  const boxes = "<span></span>".repeat(count);
  return `<div class="box box--wide"><span class="label">${escapeHtml(label)}</span><span class="cells" aria-hidden="true">${boxes}</span></div>`;
}

function options(label: string, choices: readonly string[]): string {
  const list = choices.map((choice) => `<span><span class="code">${escapeHtml(choice)}</span></span>`).join("");
  return `<div class="box box--wide"><span class="label">${escapeHtml(label)}</span><span class="options">${list}</span></div>`;
}

function questionHtml(item: QuestionnaireItem): string {
  const mark = item.required ? "" : "（可以不答）";
  const multiple = item.form === "multiple" ? ' <span class="multiple">（可多选，圈出所有符合的代码）</span>' : "";
  const note = item.note ? `<p class="note">${escapeHtml(item.note)}</p>` : "";
  const condition = item.condition ? `<p class="condition">${escapeHtml(item.condition)}</p>` : "";
  const answer =
    item.codes.length > 0
      ? `<ol class="choices">${item.codes
          .map((code) => `<li><span class="code">${escapeHtml(String(code.code))}</span>${escapeHtml(code.label)}</li>`)
          .join("")}</ol>`
      : '<div class="write-in"></div>';
  return `<section class="question" data-name="${escapeHtml(item.name)}">
<p class="title"><span class="name">${escapeHtml(item.name)}</span>${item.number}. ${escapeHtml(item.title)}${escapeHtml(mark)}${multiple}</p>
${note}${condition}${answer}
</section>`;
}

/**
 * The printable paper questionnaire of a version (`GET /api/admin/questionnaires/:id/paper`): the boxes an
 * interviewer fills in (community, interviewer, respondent), then every area and question with each choice's
 * answer code — the codes paper entry and the response import take.
 */
export function paperQuestionnaireHtml(questionnaire: StoredQuestionnaire): string {
  const items = listQuestionnaireItems(questionnaire.definition);
  const definition = questionnaire.definition as { description?: unknown };
  const intro = typeof definition.description === "string" ? definition.description : "";
  const areas: string[] = [];
  let currentArea = "";
  const pages = (questionnaire.definition.pages ?? []) as { name?: string; description?: unknown }[];
  for (const item of items) {
    if (item.area.name !== currentArea) {
      if (currentArea !== "") areas.push("</section>");
      currentArea = item.area.name;
      const description = pages.find((page) => page.name === item.area.name)?.description;
      areas.push(`<section class="area" data-area="${escapeHtml(item.area.name)}">
<h2>${escapeHtml(item.area.title || item.area.name)}</h2>
${typeof description === "string" && description ? `<p class="area-intro">${escapeHtml(description)}</p>` : ""}`);
    }
    areas.push(questionHtml(item));
  }
  if (currentArea !== "") areas.push("</section>");
  const title = `${questionnaire.title}（纸质问卷）`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${PAPER_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(questionnaire.title)}</h1>
<p class="version">问卷编码 ${escapeHtml(questionnaire.code)} · 第${questionnaire.version}版 · 入户调查用</p>
<div class="boxes">
${box("街镇")}${box("社区（居委会/村委会）")}
${box("社区编码")}${box("问卷编号")}
${box("调查员姓名")}${box("调查员编号")}
${box("访问日期")}${box("督导签字")}
${options("受访者性别", ["1 男", "2 女"])}
${options(
  "受访者年龄段",
  ageGroups.filter((group) => group !== "under-18"),
)}
${cells("身份证号码", 18)}
${cells("手机号码", 11)}
<p class="respondent-note">身份证号码和手机号码只用于核对是否重复参加（录入后只保存加密的核对值，不保存号码本身）；受访者不愿提供时可以不填，请改填性别和年龄段。</p>
</div>
<p class="how">调查员请逐题读出题目，在受访者所选答案前的代码上画圈；录入时每题填写所圈的代码。满意度题：5 非常满意 … 1 非常不满意，8 不了解，9 不适用。没有回答的题留空。</p>
${intro ? `<p class="intro">${escapeHtml(intro)}</p>` : ""}
${areas.join("\n")}
<p class="end">问卷到此结束，感谢您的支持！</p>
</body>
</html>
`;
}

/** Placeholder until the questionnaire package lands: replaced by its default questionnaire. */
export function demoQuestionnaire() {
  return { code: "songjiang-livelihood", title: "松江区民生满意度调查问卷", definition: { pages: [] } as object };
}

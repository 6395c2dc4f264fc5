import type { TestResident } from "./survey-residents";
import { smsCode } from "./survey-sms";

interface DefinitionElement {
  type?: string;
  name?: string;
  choices?: ({ value: unknown } | string | number)[];
  elements?: DefinitionElement[];
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The first choice of every choice question: a complete, valid set of answers. */
export function firstChoiceAnswers(definition: { pages?: DefinitionElement[] }): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const visit = (elements: DefinitionElement[] = []) => {
    for (const element of elements) {
      const first = element.choices?.[0];
      if (element.name && first !== undefined) {
        answers[element.name] = typeof first === "object" ? first.value : first;
      }
      visit(element.elements);
    }
  };
  for (const page of definition.pages ?? []) visit(page.elements);
  return answers;
}

/** A resident who answered by API (another phone, earlier): verified, confirmed and submitted. */
export async function respondByApi(baseUrl: string, resident: TestResident, communityCode: string): Promise<string> {
  const wave = (await (await fetch(`${baseUrl}/api/waves/current`)).json()) as { id: number };
  const since = new Date();
  const started = await post<{ verificationId: string }>(`${baseUrl}/api/waves/${wave.id}/verifications`, {
    idNumber: resident.idNumber,
    phone: resident.phone,
    communityCode,
  });
  const code = await smsCode(baseUrl, resident.phone, since);
  const confirmed = await post<{
    reservationToken: string;
    questionnaire: { definition: { pages?: DefinitionElement[] } };
  }>(`${baseUrl}/api/verifications/${started.verificationId}/confirm`, { code });
  const answers = firstChoiceAnswers(confirmed.questionnaire.definition);
  const receipt = await post<{ receiptCode: string }>(
    `${baseUrl}/api/responses`,
    { answers },
    confirmed.reservationToken,
  );
  return receipt.receiptCode;
}

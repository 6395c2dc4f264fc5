/**
 * The objective domains of the district's social-construction indicator system (SPEC §1).
 * Codes are stable identifiers: questionnaire items carry one of them as their `domain`,
 * so satisfaction and the objective index can be compared domain by domain (STATISTICS §5).
 */
export const DOMAINS = [
  { code: "employment_income", name: "就业和收入" },
  { code: "social_security", name: "社会保障" },
  { code: "health", name: "医疗卫生" },
  { code: "education", name: "教育" },
  { code: "culture", name: "文化体育" },
  { code: "science_technology", name: "科技" },
  { code: "public_safety", name: "公共安全与稳定" },
  { code: "public_facilities", name: "公共设施与服务" },
  { code: "community_building", name: "社区建设" },
  { code: "living_environment", name: "居住环境" },
  { code: "social_organizations", name: "社会组织" },
  { code: "fiscal_input", name: "财政投入" },
] as const;

export type DomainCode = (typeof DOMAINS)[number]["code"];

export const DOMAIN_CODES: readonly DomainCode[] = DOMAINS.map((d) => d.code);

export function isDomainCode(value: string): value is DomainCode {
  return (DOMAIN_CODES as readonly string[]).includes(value);
}

export function domainName(code: DomainCode): string {
  const domain = DOMAINS.find((d) => d.code === code);
  if (!domain) throw new Error(`unknown domain ${code}`);
  return domain.name;
}

/**
 * Test fixture: the default questionnaire's items written out by hand, so that a change to the
 * questionnaire that moves an item to another area or domain shows up as a failing test.
 */
export const EXPECTED_SATISFACTION_ITEMS: readonly [name: string, dimension: string, domain: string][] = [
  ["liv_income", "living", "employment_income"],
  ["liv_job_opportunities", "living", "employment_income"],
  ["liv_job_services", "living", "employment_income"],
  ["liv_pension", "living", "social_security"],
  ["liv_medical_insurance", "living", "social_security"],
  ["liv_social_assistance", "living", "social_security"],
  ["liv_elderly_care", "living", "social_security"],
  ["liv_housing", "living", "living_environment"],
  ["liv_food_safety", "living", "public_safety"],
  ["svc_community_health", "public_services", "health"],
  ["svc_hospital", "public_services", "health"],
  ["svc_family_doctor", "public_services", "health"],
  ["svc_preschool", "public_services", "education"],
  ["svc_school", "public_services", "education"],
  ["svc_culture_venues", "public_services", "culture"],
  ["svc_sports", "public_services", "culture"],
  ["svc_science_outreach", "public_services", "science_technology"],
  ["svc_online_services", "public_services", "science_technology"],
  ["svc_public_transport", "public_services", "public_facilities"],
  ["svc_shopping", "public_services", "public_facilities"],
  ["svc_service_center", "public_services", "public_facilities"],
  ["env_air", "environment", "living_environment"],
  ["env_rivers", "environment", "living_environment"],
  ["env_greenery", "environment", "living_environment"],
  ["env_cleanliness", "environment", "living_environment"],
  ["env_waste_sorting", "environment", "living_environment"],
  ["env_illegal_building", "environment", "living_environment"],
  ["env_public_security", "environment", "public_safety"],
  ["env_traffic_order", "environment", "public_safety"],
  ["env_parking", "environment", "public_facilities"],
  ["gov_committee", "governance", "community_building"],
  ["gov_participation", "governance", "community_building"],
  ["gov_property_management", "governance", "community_building"],
  ["gov_dispute_mediation", "governance", "public_safety"],
  ["gov_hotline", "governance", "public_facilities"],
  ["gov_social_organizations", "governance", "social_organizations"],
  ["gov_livelihood_spending", "governance", "fiscal_input"],
];

export const EXPECTED_POLICY_ITEMS = [
  "policy_long_term_care",
  "policy_family_doctor",
  "policy_waste_sorting",
  "policy_online_services",
];

export const EXPECTED_DEMOGRAPHIC_ITEMS: readonly [name: string, choiceCount: number][] = [
  ["education", 6],
  ["occupation", 8],
  ["years_resident", 5],
  ["housing", 7],
];

/** A complete, valid set of answers to the default questionnaire. */
export function completeDefaultAnswers(satisfactionCode = 4): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [name] of EXPECTED_SATISFACTION_ITEMS) answers[name] = satisfactionCode;
  for (const name of EXPECTED_POLICY_ITEMS) answers[name] = 2;
  for (const [name] of EXPECTED_DEMOGRAPHIC_ITEMS) answers[name] = 1;
  answers.overall = 4;
  answers.comment = "希望多建几个社区食堂。";
  return answers;
}

import type { Indicator } from "./indicator";

type Scoring = Pick<Indicator, "method" | "lower" | "upper" | "target" | "intervalLow" | "intervalHigh">;

/** Threshold method: `worst` scores 0, `best` scores 100 (for a negative indicator worst > best). */
const threshold = (worst: number, best: number): Scoring => ({ method: "threshold", lower: worst, upper: best });
const target = (value: number): Scoring => ({ method: "target", target: value });
/** Interval indicator: 100 inside [low, high], 0 at `zeroBelow` and `zeroAbove`. */
const band = (zeroBelow: number, low: number, high: number, zeroAbove: number): Scoring => ({
  method: "threshold",
  lower: zeroBelow,
  intervalLow: low,
  intervalHigh: high,
  upper: zeroAbove,
});
const range = (minValue: number, maxValue: number) => ({ minValue, maxValue });

/**
 * Default catalogue of the social-construction indicator system (社会建设指标体系), modelled on the
 * Songjiang system (SPEC §1 and the background article: 55 indicators, 22 of them per street and town, over the
 * domains the article lists): every domain has at least one town-level indicator; the rest are district figures. Thresholds and targets are plausible defaults for a Shanghai suburban district; the office edits
 * them in the console. All weights are 1 (equal weighting unless an expert sets others).
 */
// biome-ignore format: one indicator per line reads as a table
export const DEFAULT_INDICATORS: readonly Indicator[] = [
  // 就业和收入
  { code: "registered_unemployment_rate", name: "城镇登记失业率", domain: "employment_income", level: "town", unit: "%", direction: "negative", ...threshold(5, 2.5), ...range(0, 20), weight: 1, department: "区人社局" },
  { code: "new_jobs_per_10k", name: "每万常住人口新增就业岗位数", domain: "employment_income", level: "town", unit: "个", direction: "positive", ...threshold(50, 300), ...range(0, 3000), weight: 1, department: "区人社局" },
  { code: "hard_to_employ_placement_rate", name: "就业困难人员就业安置率", domain: "employment_income", level: "district", unit: "%", direction: "positive", ...threshold(80, 100), ...range(0, 100), weight: 1, department: "区人社局" },
  { code: "disposable_income_per_capita", name: "居民人均可支配收入", domain: "employment_income", level: "district", unit: "元", direction: "positive", ...target(85000), ...range(10000, 300000), weight: 1, department: "区统计局" },
  { code: "rural_disposable_income_per_capita", name: "农村常住居民人均可支配收入", domain: "employment_income", level: "district", unit: "元", direction: "positive", ...threshold(30000, 60000), ...range(5000, 200000), weight: 1, department: "区统计局" },
  { code: "urban_rural_income_ratio", name: "城乡居民收入比", domain: "employment_income", level: "district", unit: "倍", direction: "negative", ...threshold(2.5, 1.5), ...range(1, 5), weight: 1, department: "区统计局" },
  // 社会保障
  { code: "pension_insurance_coverage", name: "城乡居民基本养老保险参保率", domain: "social_security", level: "town", unit: "%", direction: "positive", ...threshold(90, 99), ...range(50, 100), weight: 1, department: "区人社局" },
  { code: "community_elderly_care_coverage", name: "社区养老服务设施覆盖率", domain: "social_security", level: "district", unit: "%", direction: "positive", ...threshold(60, 100), ...range(0, 100), weight: 1, department: "区民政局" },
  { code: "elderly_care_beds_per_1k", name: "每千名户籍老年人养老床位数", domain: "social_security", level: "district", unit: "张", direction: "positive", ...target(40), ...range(0, 200), weight: 1, department: "区民政局" },
  { code: "care_home_occupancy_rate", name: "养老机构床位使用率", domain: "social_security", level: "town", unit: "%", direction: "interval", ...band(40, 70, 90, 100), ...range(0, 100), weight: 1, department: "区民政局" },
  { code: "medical_insurance_coverage", name: "城乡居民基本医疗保险参保率", domain: "social_security", level: "district", unit: "%", direction: "positive", ...threshold(90, 99), ...range(50, 100), weight: 1, department: "区医保局" },
  { code: "minimum_living_allowance", name: "城乡低保标准", domain: "social_security", level: "district", unit: "元/月", direction: "positive", ...target(1600), ...range(500, 5000), weight: 1, department: "区民政局" },
  // 医疗卫生
  { code: "health_workers_per_1k", name: "每千常住人口卫生技术人员数", domain: "health", level: "town", unit: "人", direction: "positive", ...threshold(3, 8), ...range(0, 40), weight: 1, department: "区卫健委" },
  { code: "family_doctor_contract_rate", name: "家庭医生签约覆盖率", domain: "health", level: "town", unit: "%", direction: "positive", ...threshold(20, 60), ...range(0, 100), weight: 1, department: "区卫健委" },
  { code: "life_expectancy", name: "户籍人口平均期望寿命", domain: "health", level: "district", unit: "岁", direction: "positive", ...threshold(80, 85), ...range(70, 95), weight: 1, department: "区卫健委" },
  // 教育
  { code: "childcare_places_per_1k", name: "每千常住人口托位数", domain: "education", level: "town", unit: "个", direction: "positive", ...target(4.5), ...range(0, 20), weight: 1, department: "区教育局" },
  { code: "standardised_school_rate", name: "义务教育学校标准化建设达标率", domain: "education", level: "district", unit: "%", direction: "positive", ...threshold(80, 100), ...range(0, 100), weight: 1, department: "区教育局" },
  { code: "community_education_participation", name: "社区教育活动参与率", domain: "education", level: "town", unit: "%", direction: "positive", ...threshold(10, 40), ...range(0, 100), weight: 1, department: "区教育局" },
  { code: "preschool_gross_enrolment_rate", name: "学前三年毛入园率", domain: "education", level: "district", unit: "%", direction: "positive", ...threshold(90, 100), ...range(50, 120), weight: 1, department: "区教育局" },
  { code: "high_school_gross_enrolment_rate", name: "高中阶段教育毛入学率", domain: "education", level: "district", unit: "%", direction: "positive", ...threshold(90, 100), ...range(50, 120), weight: 1, department: "区教育局" },
  // 文化体育
  { code: "cultural_facility_area_per_capita", name: "人均公共文化设施面积", domain: "culture", level: "district", unit: "平方米", direction: "positive", ...threshold(0.05, 0.25), ...range(0, 2), weight: 1, department: "区文旅局" },
  { code: "sports_area_per_capita", name: "人均体育场地面积", domain: "culture", level: "town", unit: "平方米", direction: "positive", ...target(2.6), ...range(0, 15), weight: 1, department: "区文旅局" },
  { code: "cultural_events_per_10k", name: "每万常住人口公共文化活动场次", domain: "culture", level: "town", unit: "场", direction: "positive", ...threshold(20, 100), ...range(0, 1000), weight: 1, department: "区文旅局" },
  { code: "library_books_per_capita", name: "人均公共图书馆藏书量", domain: "culture", level: "district", unit: "册", direction: "positive", ...target(3), ...range(0, 20), weight: 1, department: "区文旅局" },
  // 科技
  { code: "invention_patents_per_10k", name: "每万人口发明专利拥有量", domain: "science_technology", level: "district", unit: "件", direction: "positive", ...target(40), ...range(0, 500), weight: 1, department: "区科委" },
  { code: "rd_expenditure_share_gdp", name: "研究与试验发展经费支出占地区生产总值比重", domain: "science_technology", level: "district", unit: "%", direction: "positive", ...threshold(2, 4), ...range(0, 15), weight: 1, department: "区科委" },
  { code: "science_outreach_per_10k", name: "每万常住人口科普活动参与人次", domain: "science_technology", level: "town", unit: "人次", direction: "positive", ...threshold(500, 3000), ...range(0, 20000), weight: 1, department: "区科委" },
  { code: "high_tech_enterprises", name: "高新技术企业数", domain: "science_technology", level: "district", unit: "家", direction: "positive", ...threshold(500, 2000), ...range(0, 20000), weight: 1, department: "区科委" },
  // 公共安全与稳定
  { code: "criminal_case_rate", name: "刑事案件发案率", domain: "public_safety", level: "town", unit: "起/万人", direction: "negative", ...threshold(60, 15), ...range(0, 500), weight: 1, department: "区公安分局" },
  { code: "fire_incidents_per_10k", name: "每万常住人口火灾事故数", domain: "public_safety", level: "district", unit: "起", direction: "negative", ...target(1), ...range(0, 50), weight: 1, department: "区应急局" },
  { code: "dispute_mediation_success_rate", name: "矛盾纠纷调解成功率", domain: "public_safety", level: "town", unit: "%", direction: "positive", ...threshold(90, 100), ...range(0, 100), weight: 1, department: "区司法局" },
  { code: "petitions_closed_on_time_rate", name: "信访事项按期办结率", domain: "public_safety", level: "district", unit: "%", direction: "positive", ...threshold(90, 100), ...range(0, 100), weight: 1, department: "区信访办" },
  { code: "work_safety_deaths_per_100m_gdp", name: "亿元地区生产总值生产安全事故死亡率", domain: "public_safety", level: "district", unit: "人/亿元", direction: "negative", ...threshold(0.02, 0.005), ...range(0, 1), weight: 1, department: "区应急局" },
  // 公共设施与服务
  { code: "fifteen_minute_life_circle_coverage", name: "15分钟社区生活圈覆盖率", domain: "public_facilities", level: "town", unit: "%", direction: "positive", ...threshold(60, 100), ...range(0, 100), weight: 1, department: "区规划资源局" },
  { code: "hotline_12345_resolution_rate", name: "12345热线诉求解决率", domain: "public_facilities", level: "town", unit: "%", direction: "positive", ...threshold(70, 95), ...range(0, 100), weight: 1, department: "12345热线办" },
  { code: "bus_stop_500m_coverage", name: "公交站点500米覆盖率", domain: "public_facilities", level: "district", unit: "%", direction: "positive", ...threshold(70, 100), ...range(0, 100), weight: 1, department: "区交通委" },
  { code: "public_transport_share", name: "公共交通出行分担率", domain: "public_facilities", level: "district", unit: "%", direction: "positive", ...threshold(20, 50), ...range(0, 100), weight: 1, department: "区交通委" },
  // 社区建设
  { code: "community_service_area_per_100_households", name: "每百户居民社区综合服务设施面积", domain: "community_building", level: "town", unit: "平方米", direction: "positive", ...target(30), ...range(0, 300), weight: 1, department: "区民政局" },
  { code: "households_per_community_worker", name: "每名社区工作者服务户数", domain: "community_building", level: "town", unit: "户", direction: "interval", ...band(100, 250, 400, 700), ...range(20, 3000), weight: 1, department: "区民政局" },
  { code: "registered_volunteer_share", name: "注册志愿者占常住人口比例", domain: "community_building", level: "district", unit: "%", direction: "positive", ...threshold(5, 20), ...range(0, 100), weight: 1, department: "区文明办" },
  { code: "committee_election_turnout", name: "居（村）委会换届选举参选率", domain: "community_building", level: "district", unit: "%", direction: "positive", ...threshold(80, 98), ...range(0, 100), weight: 1, department: "区民政局" },
  // 居住环境
  { code: "public_green_area_per_capita", name: "人均公共绿地面积", domain: "living_environment", level: "town", unit: "平方米", direction: "positive", ...threshold(4, 12), ...range(0, 100), weight: 1, department: "区绿化市容局" },
  { code: "waste_sorting_compliance_rate", name: "生活垃圾分类达标率", domain: "living_environment", level: "town", unit: "%", direction: "positive", ...threshold(70, 100), ...range(0, 100), weight: 1, department: "区绿化市容局" },
  { code: "illegal_building_removal_rate", name: "违法建筑存量处置率", domain: "living_environment", level: "district", unit: "%", direction: "positive", ...threshold(50, 100), ...range(0, 100), weight: 1, department: "区城管执法局" },
  { code: "old_housing_renewal_completion", name: "旧住房更新改造计划完成率", domain: "living_environment", level: "town", unit: "%", direction: "positive", ...target(100), ...range(0, 150), weight: 1, department: "区房管局" },
  { code: "good_air_quality_days_share", name: "环境空气质量优良天数比例", domain: "living_environment", level: "district", unit: "%", direction: "positive", ...threshold(70, 95), ...range(0, 100), weight: 1, department: "区生态环境局" },
  { code: "pm25_annual_mean", name: "PM2.5年均浓度", domain: "living_environment", level: "district", unit: "微克/立方米", direction: "negative", ...threshold(50, 25), ...range(0, 200), weight: 1, department: "区生态环境局" },
  // 社会组织
  { code: "social_organisations_per_10k", name: "每万常住人口社会组织数", domain: "social_organizations", level: "town", unit: "个", direction: "positive", ...threshold(3, 10), ...range(0, 100), weight: 1, department: "区民政局" },
  { code: "community_groups_per_committee", name: "每个居（村）委会社区社会组织数", domain: "social_organizations", level: "district", unit: "个", direction: "positive", ...target(8), ...range(0, 100), weight: 1, department: "区民政局" },
  { code: "rated_3a_organisation_share", name: "3A及以上等级社会组织占比", domain: "social_organizations", level: "district", unit: "%", direction: "positive", ...threshold(10, 40), ...range(0, 100), weight: 1, department: "区民政局" },
  { code: "purchased_social_services", name: "政府购买社会组织服务金额", domain: "social_organizations", level: "district", unit: "万元", direction: "positive", ...threshold(2000, 10000), ...range(0, 100000), weight: 1, department: "区民政局" },
  // 财政投入
  { code: "livelihood_spending_share", name: "民生支出占一般公共预算支出比重", domain: "fiscal_input", level: "district", unit: "%", direction: "positive", ...threshold(60, 80), ...range(0, 100), weight: 1, department: "区财政局" },
  { code: "community_service_funding_per_capita", name: "人均社区公共服务财政投入", domain: "fiscal_input", level: "town", unit: "元", direction: "positive", ...threshold(100, 500), ...range(0, 5000), weight: 1, department: "区财政局" },
  { code: "education_spending_share", name: "教育支出占一般公共预算支出比重", domain: "fiscal_input", level: "district", unit: "%", direction: "positive", ...threshold(12, 18), ...range(0, 60), weight: 1, department: "区财政局" },
  { code: "health_spending_share", name: "卫生健康支出占一般公共预算支出比重", domain: "fiscal_input", level: "district", unit: "%", direction: "positive", ...threshold(6, 10), ...range(0, 60), weight: 1, department: "区财政局" },
];

/**
 * A plausible plan target (规划目标值) for the demo catalogue: three fifths of the way from the worst to the best
 * threshold (about where a typical town stands now), or the target value of the target method; interval
 * indicators are held to their band instead.
 */
export function demoPlanTarget(indicator: Indicator): number | null {
  if (indicator.direction === "interval") return null;
  if (indicator.method === "target") return indicator.target ?? null;
  if (indicator.method !== "threshold" || indicator.lower == null || indicator.upper == null) return null;
  return Number((indicator.lower + 0.6 * (indicator.upper - indicator.lower)).toPrecision(3));
}

import type { DimensionCode, DomainCode } from "./codes";

/** One satisfaction question of the default questionnaire: one idea, plain words. */
export interface DefaultSatisfactionItem {
  name: string;
  title: string;
  domain: DomainCode;
}

export interface DefaultArea {
  dimension: DimensionCode;
  pageTitle: string;
  pageDescription: string;
  items: readonly DefaultSatisfactionItem[];
}

const SCALE_HINT = "请按您的真实感受选择。不清楚情况的选“不了解”，与您无关的选“不适用”。";

/**
 * The satisfaction items, one area per page (SPEC §1). Names are `<area>_<topic>`:
 * `liv_` 生活条件, `svc_` 公共服务, `env_` 综合环境, `gov_` 社会治理. They are also the
 * column headers of a paper-questionnaire import, so they never change once a wave has used them.
 */
export const DEFAULT_AREAS: readonly DefaultArea[] = [
  {
    dimension: "living",
    pageTitle: "一、生活条件",
    pageDescription: `下面想了解您和家人的日常生活情况。${SCALE_HINT}`,
    items: [
      { name: "liv_income", title: "您对家里目前的收入水平满意吗？", domain: "employment_income" },
      { name: "liv_job_opportunities", title: "您对在松江找工作的机会满意吗？", domain: "employment_income" },
      {
        name: "liv_job_services",
        title: "您对政府提供的就业帮助（如职业介绍、技能培训）满意吗？",
        domain: "employment_income",
      },
      { name: "liv_pension", title: "您对自己的养老保险待遇满意吗？", domain: "social_security" },
      { name: "liv_medical_insurance", title: "您对看病时医保报销的比例满意吗？", domain: "social_security" },
      {
        name: "liv_social_assistance",
        title: "您对困难家庭得到的帮扶（如低保、临时救助）满意吗？",
        domain: "social_security",
      },
      {
        name: "liv_elderly_care",
        title: "您对身边的养老服务（如老年助餐、日间照料、养老院）满意吗？",
        domain: "social_security",
      },
      { name: "liv_housing", title: "您对自己现在的住房条件满意吗？", domain: "living_environment" },
      { name: "liv_food_safety", title: "您对平时买到的食品的安全满意吗？", domain: "public_safety" },
    ],
  },
  {
    dimension: "public_services",
    pageTitle: "二、公共服务",
    pageDescription: `下面想了解您对身边各项公共服务的感受。${SCALE_HINT}`,
    items: [
      { name: "svc_community_health", title: "您对社区卫生服务中心的看病服务满意吗？", domain: "health" },
      { name: "svc_hospital", title: "您对区里医院的看病服务满意吗？", domain: "health" },
      { name: "svc_family_doctor", title: "您对家庭医生的服务满意吗？", domain: "health" },
      { name: "svc_preschool", title: "您对家附近的幼儿园满意吗？", domain: "education" },
      { name: "svc_school", title: "您对家附近的中小学满意吗？", domain: "education" },
      { name: "svc_culture_venues", title: "您对图书馆、文化活动中心等文化场所满意吗？", domain: "culture" },
      { name: "svc_sports", title: "您对家附近的健身场地和健身设施满意吗？", domain: "culture" },
      { name: "svc_science_outreach", title: "您对社区开展的科普活动满意吗？", domain: "science_technology" },
      {
        name: "svc_online_services",
        title: "您对用手机或电脑在网上办事（如“随申办”）的方便程度满意吗？",
        domain: "science_technology",
      },
      { name: "svc_public_transport", title: "您对坐公交、地铁出行的方便程度满意吗？", domain: "public_facilities" },
      { name: "svc_shopping", title: "您对在家附近买菜、购物的方便程度满意吗？", domain: "public_facilities" },
      {
        name: "svc_service_center",
        title: "您对社区事务受理服务中心的办事服务满意吗？",
        domain: "public_facilities",
      },
    ],
  },
  {
    dimension: "environment",
    pageTitle: "三、综合环境",
    pageDescription: `下面想了解您对居住环境和周边安全的感受。${SCALE_HINT}`,
    items: [
      { name: "env_air", title: "您对松江的空气质量满意吗？", domain: "living_environment" },
      { name: "env_rivers", title: "您对家附近河道的水质满意吗？", domain: "living_environment" },
      { name: "env_greenery", title: "您对家附近的绿化和公园满意吗？", domain: "living_environment" },
      { name: "env_cleanliness", title: "您对小区和街道的环境卫生满意吗？", domain: "living_environment" },
      { name: "env_waste_sorting", title: "您对小区垃圾分类的效果满意吗？", domain: "living_environment" },
      { name: "env_illegal_building", title: "您对违法建筑的整治满意吗？", domain: "living_environment" },
      { name: "env_public_security", title: "您对家附近的社会治安满意吗？", domain: "public_safety" },
      { name: "env_traffic_order", title: "您对家附近道路的交通秩序满意吗？", domain: "public_safety" },
      { name: "env_parking", title: "您对在小区和周边停车的方便程度满意吗？", domain: "public_facilities" },
    ],
  },
  {
    dimension: "governance",
    pageTitle: "四、社会治理",
    pageDescription: `下面想了解您对社区管理和政府工作的感受。${SCALE_HINT}`,
    items: [
      { name: "gov_committee", title: "您对居委会（村委会）的工作满意吗？", domain: "community_building" },
      {
        name: "gov_participation",
        title: "您对参与小区（村里）公共事务商量的机会满意吗？",
        domain: "community_building",
      },
      { name: "gov_property_management", title: "您对小区的物业管理满意吗？", domain: "community_building" },
      { name: "gov_dispute_mediation", title: "您对邻里矛盾纠纷的调解满意吗？", domain: "public_safety" },
      {
        name: "gov_hotline",
        title: "您对打12345市民服务热线后问题的解决情况满意吗？",
        domain: "public_facilities",
      },
      {
        name: "gov_social_organizations",
        title: "您对社区里的社会组织（如志愿者团队、公益服务机构）提供的服务满意吗？",
        domain: "social_organizations",
      },
      { name: "gov_livelihood_spending", title: "您对政府在改善民生上的投入满意吗？", domain: "fiscal_input" },
    ],
  },
];

/** Livelihood policies the survey tells residents about (SPEC §1), each in two sentences. */
export const DEFAULT_POLICIES: readonly { name: string; policy: string; explanation: string }[] = [
  {
    name: "policy_long_term_care",
    policy: "长期护理保险",
    explanation:
      "60周岁及以上、参加本市医保的老人，经评估达到一定失能等级后，可以申请上门照护或养老机构照护服务。服务费用的大部分由长期护理保险支付。",
  },
  {
    name: "policy_family_doctor",
    policy: "家庭医生签约服务",
    explanation:
      "居民可以在社区卫生服务中心签约一名家庭医生，签约不收费。签约后可以得到健康管理、慢性病配药和优先转诊到上级医院等服务。",
  },
  {
    name: "policy_waste_sorting",
    policy: "生活垃圾分类",
    explanation:
      "按照《上海市生活垃圾管理条例》，生活垃圾要分成可回收物、有害垃圾、湿垃圾、干垃圾四类投放。个人混合投放、经劝阻不改正的，可能被罚款。",
  },
  {
    name: "policy_online_services",
    policy: "“一网通办”网上办事",
    explanation:
      "社保、医保、户籍、公积金等许多事情，可以用“随申办”手机应用或“一网通办”网站在网上办理。不少事情不用再跑窗口，在家就能办好。",
  },
];

/** Only what the ID number cannot tell us: sex, age and registration come from the ID number. */
export const DEFAULT_DEMOGRAPHICS: readonly { name: string; title: string; choices: readonly string[] }[] = [
  {
    name: "education",
    title: "您的文化程度是？",
    choices: ["小学及以下", "初中", "高中、中专或技校", "大专", "大学本科", "研究生"],
  },
  {
    name: "occupation",
    title: "您现在的职业是？",
    choices: [
      "企业职工",
      "机关或事业单位工作人员",
      "个体经营或自由职业",
      "务农",
      "离退休",
      "在校学生",
      "暂时没有工作",
      "其他",
    ],
  },
  {
    name: "years_resident",
    title: "您在松江居住了多长时间？",
    choices: ["不到1年", "1年到不满3年", "3年到不满5年", "5年到不满10年", "10年及以上"],
  },
  {
    name: "housing",
    title: "您现在住的房子是？",
    choices: [
      "自己家买的商品房",
      "动迁安置房",
      "租的房子",
      "农村自建房",
      "单位或集体宿舍",
      "公租房、廉租房等保障房",
      "其他",
    ],
  },
];

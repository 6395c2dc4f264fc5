/**
 * Every sentence a resident reads, in one place (Chinese first). Components never hold their own text,
 * so the wording can be reviewed by the office as one document.
 */

export const OFFICE_NAME = "区社会建设办公室";
export const FALLBACK_TITLE = "居民民生满意度调查";

export const strings = {
  header: {
    office: OFFICE_NAME,
    fallbackTitle: FALLBACK_TITLE,
  },
  steps: ["了解说明", "验证身份", "填写问卷"] as const,
  stepLabel: (index: number, total: number) => `第${index + 1}步，共${total}步`,

  largeText: { short: "大字", label: "大字模式（长辈模式）" },

  loading: "正在加载…",
  retry: "重试",
  back: "返回",

  status: {
    noWaveTitle: "目前没有正在进行的调查",
    noWaveText: "感谢您的关注。调查开放时，社区和“松江发布”等公众号会发布通知和二维码。",
    closedTitle: "本次调查已经结束",
    closedText: "感谢您的关注和支持。调查结果将由区社会建设办公室汇总分析，用于改进民生工作。",
    loadFailedTitle: "页面没有加载成功",
    loadFailedText: "可能是网络不太稳定。请检查网络后点“重试”。",
  },

  picker: {
    townTitle: "请选择您居住的街道或镇",
    townHint: "请按您现在实际居住的地方选择，不一定是户籍所在地。",
    communityTitle: (townName: string) => `请选择您所在的社区（${townName}）`,
    communityHint: "居委会或村委会，可以在小区门口或社区公告栏上看到名称。",
    filterLabel: "查找社区",
    filterPlaceholder: "输入社区名称中的字，如“荣乐”",
    noMatch: "没有找到名称里含有这些字的社区。",
    full: "已收满",
    whyFull:
      "为了让调查结果能反映各个社区的情况，每个社区和街镇收集的问卷数量有上限。标为“已收满”的社区或街镇已经收齐了本次需要的问卷，暂时不能选择，感谢您的理解。",
    changeTown: "换一个街镇",
    unknownLinkCommunity: "二维码中的社区没有找到，可能是链接不完整。请在下面选择您所在的社区。",
  },

  consent: {
    title: "参加调查前，请您了解",
    intro: (waveTitle: string) =>
      `欢迎参加${waveTitle}。您的真实感受能帮助政府了解大家最关心的事，把民生工作做得更好。`,
    communityLabel: "您所在的社区",
    changeCommunity: "更改",
    sections: [
      {
        title: "谁在做这次调查",
        text: `本次调查由${OFFICE_NAME}组织，委托调查人员开展，结果只用于改进民生工作。`,
      },
      {
        title: "我们需要您提供什么",
        text: "身份证号码和手机号码。它们只用来核实您是本区居民、防止同一人重复填写；系统只保存它们经过加密处理、无法还原的摘要，不保存号码本身（手机号只显示后4位，用于核对）。",
      },
      {
        title: "我们会从中得到什么",
        text: "由身份证号码自动得出您的性别、年龄段以及是否本市户籍，用来检查参加调查的居民是否有代表性。不会询问您的姓名和住址。",
      },
      {
        title: "答卷保存多久",
        text: "答卷在本次调查结束后保存5年，用于和往年结果比较，到期后删除；用于防止重复填写的加密摘要在调查结束后1年内删除。",
      },
      {
        title: "您的回答是匿名的",
        text: "所有统计报告只呈现汇总结果，不会出现任何人的号码或单独的答卷，也不会把您的回答告诉您所在的社区。",
      },
    ],
    agree: "我已阅读并同意以上说明",
    continue: "同意并继续",
    length: (questions: number, minutes: number) => `共 ${questions} 题，约 ${minutes} 分钟`,
    mustAgree: "请先勾选同意，才能继续填写。",
  },

  verify: {
    title: "验证身份",
    intro: "每人只能填写一次。验证后会为您保留30分钟的填写名额，中途退出可以回来接着填。",
    idLabel: "居民身份证号码",
    idPlaceholder: "18位，最后一位可能是X",
    phoneLabel: "手机号码",
    phonePlaceholder: "11位手机号码",
    sendCode: "获取验证码",
    sending: "正在发送…",
    checking: "安全验证中…",
    checkingStatus: "此刻获取验证码的人较多，手机正在自动完成一次安全验证，通常只需几秒钟，请稍候，不要离开本页。",
    resendIn: (seconds: number) => `${seconds}秒后可重新获取`,
    resend: "重新获取",
    codeSent: (phoneMasked: string) => `验证码已发送到 ${phoneMasked}，5分钟内有效。`,
    codeLabel: "短信验证码",
    codePlaceholder: "6位数字",
    confirm: "验证并开始答题",
    confirming: "正在验证…",
    privacyNote: "号码只用于核实身份，以加密摘要保存，不会出现在任何报告中。",
    codeIncomplete: "请输入短信中的6位数字验证码。",
    codeNotRequested: "请先点“获取验证码”，收到短信后再输入验证码。",
    phoneEmpty: "请输入您的手机号码。",
    ownPhone: "每位参与者需使用本人的手机号码：家人共用一部手机时，请用各自的手机号码获取验证码。",
    anotherPhone: "换个号码",
  },

  questionnaire: {
    loading: "正在打开问卷…",
    saving: "正在保存…",
    saved: "已自动保存",
    savedLocally: "网络不稳定，答案已存在本机，联网后自动同步",
    reservationUntil: (time: string) => `名额为您保留到 ${time}`,
    holdEnding: (time: string, minutes: number) =>
      `您的填写名额保留到 ${time}（还有约${minutes}分钟）。继续答题会自动延长保留时间，也可以点下面的按钮。`,
    keepHold: "继续保留名额",
    holdLapsed:
      "名额保留时间已过。您填写的答案仍然保存着，请继续填写并提交；如果本社区名额已满，您的答卷会作为参考意见保存。",
    offline: "现在没有网络。已打开本机保存的答案，您可以继续填写，联网后会自动保存。",
    submitting: "正在提交答卷…",
    submitRetrying: (attempt: number) =>
      `网络不太稳定，正在第${attempt}次重试提交，您的答案已保存在本机，请不要关闭页面。`,
    submitNow: "立即重试",
    submitNowIn: (seconds: number) => `立即重试（${seconds}秒）`,
    progressLabel: "答题进度",
    progressText: (pageNo: number, pageCount: number) => `第${pageNo}页，共${pageCount}页`,
    invalidAnswers: "有几道题还需要补充，请查看标红的题目后再提交。",
    sessionLost: "您的填写凭证已失效。请重新验证身份，已经填写的答案会自动恢复。",
    reverify: "重新验证身份",
    resumed: "已为您恢复上次填写的内容。",
    complete: "提交问卷",
    prev: "上一页",
    next: "下一页",
    openingNext: "正在打开下一页…",
  },

  receipt: {
    title: "提交成功，感谢您的参与！",
    text: "您的答卷已经收到。您的意见会和其他居民的意见一起汇总分析，用于改进民生工作。",
    codeLabel: "回执编号",
    codeHint: "如需查询，请截图保存回执编号。",
    notCounted: "本社区的名额在您提交前已经收满，您的答卷仍已保存，并会作为参考意见提交。",
    policiesTitle: "这些民生政策，您可以了解一下",
    policiesIntro: "问卷中提到的政策如有需要，可以到所在社区或街镇社区事务受理服务中心咨询。",
    startOver: "家人也想参加？重新开始",
  },

  blocked: {
    thanks: "感谢您的关注和支持！",
    quotaFullTitle: "这里的问卷已经收满了",
    quotaFullText:
      "您所在的社区或街镇已经收齐了本次调查需要的问卷。为了让结果能代表各个社区的居民，每个社区和街镇收集的数量有上限，先到先得。",
    alreadyRespondedTitle: "您已经参加过本次调查",
    alreadyRespondedText: "这个身份证号码或手机号码已经提交过问卷。每人只能填写一次，您的意见已经记录在内。",
    underageTitle: "本次调查邀请成年居民参加",
    waveClosedTitle: "本次调查已经结束",
    chooseOther: "选择其他社区",
    sharedPhone: "如果这个手机号码是家人的，您本人还没有填写过：每位参与者需使用本人的手机号码，请换成您自己的号码。",
    anotherPhone: "换个号码",
    backToVerify: "返回上一步",
    backHome: "回到首页",
  },
};

/** What the resident can do next, for every error code the API returns (SPEC §3). */
export function errorSentence(
  code: string,
  options: { retryAfterSeconds?: number | null; attemptsLeft?: number },
): string {
  const wait = options.retryAfterSeconds ? formatWait(options.retryAfterSeconds) : "一会儿";
  switch (code) {
    case "invalid_id_number":
      return "身份证号码不正确，请逐位核对后重新输入。";
    case "invalid_phone":
      return "手机号码不正确，请输入11位中国大陆手机号码。";
    case "unknown_community":
      return "没有找到您选择的社区，请返回重新选择。";
    case "underage":
      return "本次调查只邀请年满18周岁的居民参加，感谢您的关注。";
    case "already_responded":
      return "这个身份证号码或手机号码已经参加过本次调查，每人只能填写一次，感谢您的参与。";
    case "quota_full":
      return "您所在的社区或街镇已经收满了本次调查需要的问卷，感谢您的支持。";
    case "wave_closed":
      return "本次调查已经结束或尚未开始，感谢您的关注。";
    case "in_progress":
      return "这个身份证号码正在用另一个手机号码填写问卷，请用原来的手机号码获取验证码继续填写。";
    case "rate_limited":
      return `操作有些频繁，请${wait}后再试。`;
    case "resend_too_soon":
      return `验证码刚刚发出，请${wait}后再重新获取。`;
    case "sms_daily_limit":
      return "这个手机号码今天获取验证码的次数已经用完，请明天再来填写，或换一个您常用的手机号码。";
    case "too_many_attempts":
      return "验证码输错次数太多，请重新获取验证码。";
    case "wrong_code":
      return options.attemptsLeft !== undefined
        ? `验证码不正确，请核对短信后重新输入（还可以再试${options.attemptsLeft}次）。`
        : "验证码不正确，请核对短信后重新输入。";
    case "verification_expired":
      return "验证码已经过期，请重新获取验证码。";
    case "invalid_token":
      return "您的填写凭证已失效，请重新验证身份，已填写的答案会自动恢复。";
    case "invalid_answers":
      return "有些题目还没有填写或填写有误，请检查标红的题目。";
    case "sms_unavailable":
      return "短信暂时发送不出去，请过几分钟再点“获取验证码”。";
    case "sms_budget_exhausted":
      return `此刻获取验证码的人较多，请${wait}后再点“获取验证码”。`;
    case "challenge_required":
    case "challenge_unsolved":
      return "自动安全验证没有完成，请再点一次“获取验证码”。";
    case "community_busy":
      return `您所在社区此刻参加调查的人较多，请${wait}后再输入验证码确认。`;
    case "too_many_held":
      return "从您当前的网络同时填写问卷的人数已经达到上限，请等其他人提交后再试，或切换到移动数据后重新获取验证码。";
    case "service_unavailable":
      return "系统暂时繁忙，请稍后再试，您已填写的内容不会丢失。";
    case "no_open_wave":
      return "目前没有正在进行的调查。";
    case "network_error":
      return "网络连接不上，请检查网络（可以试试切换Wi-Fi和移动数据）后再试。";
    default:
      return "出了点问题，请稍后再试。";
  }
}

/** "30秒", "2分钟", "1小时" — how long to wait, from a retry-after header. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))}秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)}分钟`;
  return `${Math.ceil(seconds / 3600)}小时`;
}

/** "14:35" in China Standard Time, for reservation deadlines. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const china = new Date(date.getTime() + 8 * 3600 * 1000);
  const hours = String(china.getUTCHours()).padStart(2, "0");
  const minutes = String(china.getUTCMinutes()).padStart(2, "0");
  return `${hours}:${minutes}`;
}

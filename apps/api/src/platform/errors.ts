import { ERROR_STATUS, type ErrorCode } from "@survey/contract";

/**
 * One error class per failure a caller can act on, each with its stable `error` code and HTTP status from the
 * contract's ERROR_STATUS; `message` is a Chinese sentence for a person; `details` are merged into the body.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type AppErrorClass = (new (
  details?: Record<string, unknown>,
  message?: string,
) => AppError) & { readonly code: string; readonly status: number };

function defineError(code: ErrorCode, defaultMessage: string): AppErrorClass {
  const status = ERROR_STATUS[code];
  return class extends AppError {
    static readonly code = code;
    static readonly status = status;
    constructor(details: Record<string, unknown> = {}, message: string = defaultMessage) {
      super(code, status, message, details);
    }
  };
}

// Generic request problems
export const InvalidRequestError = defineError("invalid_request", "请求格式不正确。");
export const NotFoundError = defineError("not_found", "没有找到您要访问的内容。");
export const PayloadTooLargeError = defineError("payload_too_large", "提交的内容太大。");
export const UnsupportedMediaTypeError = defineError("unsupported_media_type", "不支持这种提交格式。");
export const RateLimitedError = defineError("rate_limited", "操作太频繁了，请稍等一会儿再试。");
export const DatabaseUnavailableError = defineError(
  "service_unavailable",
  "系统暂时繁忙，请稍后再试，您已填写的内容不会丢失。",
);
export const InternalError = defineError("internal_error", "系统出了点问题，请稍后再试。");

// Waves and the sampling frame
export const NoOpenWaveError = defineError("no_open_wave", "目前没有正在进行的调查。");
export const UnknownWaveError = defineError("unknown_wave", "没有找到这次调查。");
export const UnknownTownError = defineError("unknown_town", "这次调查不包括这个街道或镇。");
export const UnknownCommunityError = defineError(
  "unknown_community",
  "没有找到您选择的社区（居委会或村委会），请重新选择。",
);
export const WaveClosedError = defineError("wave_closed", "这次调查已经结束或尚未开始，感谢您的关注。");
export const InvalidFileError = defineError("invalid_file", "文件中有错误，整个文件没有导入，请修改后重新上传。");
export const UploadTooLargeError = defineError(
  "upload_too_large",
  "文件内容太多（解压后太大，或行数、单元格数超过上限），整个文件没有导入；请拆分成几个较小的文件上传。",
);
export const UploadTooSlowError = defineError(
  "upload_too_slow",
  "文件读取时间过长，整个文件没有导入；请检查文件内容，或拆分成几个较小的文件上传。",
);
export const WaveStateError = defineError("invalid_wave_state", "调查当前的状态不允许这个操作。");
export const DuplicateCodeError = defineError("duplicate_code", "这个编码已经被使用了。");
export const QuestionnaireLockedError = defineError(
  "questionnaire_locked",
  "这次调查已经有答卷，问卷不能再修改；请新建一个问卷版本。",
);
export const QuestionnaireInUseError = defineError(
  "questionnaire_in_use",
  "已经有调查在使用这个问卷版本（已开放或已有答卷），不能再修改；请点“新版本”另建一个版本。",
);
export const AnotherWaveOpenError = defineError(
  "another_wave_open",
  "另一次调查正在进行；确认要同时开放两次调查吗？旧海报的二维码仍然打开它自己的那次调查。",
);
export const WaveHasResponsesError = defineError("wave_has_responses", "这次调查已经有答卷，不能删除。");
export const QuotaBelowFilledError = defineError(
  "quota_below_filled",
  "新的目标或上限低于已经完成和占用的份数，不能这样修改。",
);
export const InvalidQuestionnaireError = defineError("invalid_questionnaire", "问卷定义有错误。");

// Respondent verification
export const InvalidIdNumberError = defineError("invalid_id_number", "身份证号码不正确，请检查后重新输入。");
export const InvalidPhoneError = defineError("invalid_phone", "手机号码不正确，请输入11位的中国大陆手机号码。");
export const UnderageError = defineError("underage", "本次调查只邀请年满18周岁的居民参加，感谢您的关注。");
export const AlreadyRespondedError = defineError(
  "already_responded",
  "这个身份证号码或手机号码已经参加过本次调查，每人只能填写一次，感谢您的参与。",
);
export const QuotaFullError = defineError(
  "quota_full",
  "您所在的社区或街镇已经收满了本次调查需要的问卷，感谢您的支持。",
);
export const InProgressError = defineError(
  "in_progress",
  "这个身份证号码正在用另一个手机号码填写问卷，请用原来的手机号码继续填写。",
);
export const WrongCodeError = defineError("wrong_code", "验证码不正确，请核对短信后重新输入。");
export const VerificationExpiredError = defineError("verification_expired", "验证码已经过期，请重新获取验证码。");
export const TooManyAttemptsError = defineError("too_many_attempts", "验证码输错次数太多，请重新获取验证码。");
export const ResendTooSoonError = defineError("resend_too_soon", "验证码已经发送，请等待一分钟后再重新获取。");
export const SmsDailyLimitError = defineError(
  "sms_daily_limit",
  "这个手机号码今天获取验证码的次数已经用完，请明天再试。",
);
export const SmsUnavailableError = defineError("sms_unavailable", "短信暂时发送不出去，请稍后再试。");
export const TooManyHeldError = defineError(
  "too_many_held",
  "从您的网络同时填写问卷的人数已经达到上限，请等其他人提交后再试，或换一个网络。",
);
export const CommunityBusyError = defineError("community_busy", "您所在社区此刻参加调查的人较多，请一分钟后再试。");
export const SmsBudgetExhaustedError = defineError("sms_budget_exhausted", "此刻获取验证码的人较多，请一分钟后再试。");
export const ChallengeRequiredError = defineError(
  "challenge_required",
  "此刻获取验证码的请求较多，需要先完成一次自动安全验证（几秒钟）。",
);
export const InvalidTokenError = defineError("invalid_token", "您的填写凭证已失效，请重新验证身份后继续填写。");
export const InvalidAnswersError = defineError("invalid_answers", "有些题目还没有填写或填写有误，请检查。");
export const UnknownResponseError = defineError("unknown_response", "没有找到这份问卷。");
export const ResponseVoidError = defineError("response_void", "这份问卷已经作废。");
export const OnlineAnswersLockedError = defineError(
  "online_answers_locked",
  "线上问卷是居民本人填写的答案，不能修改；只有入户访问和纸质导入的问卷可以更正。",
);
export const DevOutboxDisabledError = defineError("dev_outbox_disabled", "生产环境不提供短信调试信箱。");

// Console
export const UnauthenticatedError = defineError("unauthenticated", "请先登录。");
export const ForbiddenError = defineError("forbidden", "您没有权限进行这个操作。");
export const InvalidCredentialsError = defineError("invalid_credentials", "用户名或密码不正确。");
export const SignInDelayedError = defineError("login_delayed", "登录失败次数太多，请稍等一会儿再试。");
export const CsrfError = defineError("csrf_failed", "页面已过期，请刷新后再试。");
export const UnknownUserError = defineError("unknown_user", "没有找到这个用户。");
export const DuplicateUsernameError = defineError("duplicate_username", "这个用户名已经被使用了。");
export const WeakPasswordError = defineError("weak_password", "密码至少需要10个字符。");
export const WrongPasswordError = defineError("wrong_password", "当前密码不正确。");
export const LastAdminError = defineError("last_admin", "至少要保留一个可用的管理员账号。");

// Objective indicators and the subjective–objective comparison
export const UnknownIndicatorError = defineError("unknown_indicator", "没有找到这个指标。");
export const InvalidIndicatorError = defineError("invalid_indicator", "指标定义有错误，请检查后重新保存。");
export const UnknownRecommendationError = defineError("unknown_recommendation", "没有找到这条整改建议。");
export const InvalidRecommendationError = defineError("invalid_recommendation", "整改建议有错误，请检查后重新提交。");
export const ProgressNotComparableError = defineError(
  "progress_not_comparable",
  "进步指数须使用固定阈值或目标值和固定权重，当前设置不能跨年比较。",
);
export const ComparisonUnavailableError = defineError(
  "comparison_unavailable",
  "同时具有满意度和客观指数的街镇不足3个，无法进行主客观比较。",
);

// Satisfaction results
export const NoResultsError = defineError(
  "no_results",
  "这次调查还没有足够的有效答卷（每个街镇至少需要2份），暂时无法计算结果。",
);
export const PoststratificationUnavailableError = defineError(
  "poststratification_unavailable",
  "缺少可用的人口结构数据（街镇×性别×年龄组），无法做事后分层加权。",
);
export const UnknownVariableError = defineError("unknown_variable", "交叉表中有无法识别的变量或分类。");
export const UnknownMeasureError = defineError("unknown_measure", "没有找到包含这个题目或维度的调查。");

// Residents' comments
export const InvalidCommentThemesError = defineError(
  "invalid_comment_themes",
  "主题列表有错误（编码或名称重复、缺少“其他”），请检查后重新保存。",
);
export const UnknownThemeError = defineError("unknown_theme", "所选主题不在本次调查的主题列表中。");
export const UnknownCommentError = defineError(
  "unknown_comment",
  "没有找到所选的意见，可能不属于这次调查或您负责的街镇。",
);

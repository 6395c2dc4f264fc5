/**
 * The stable `error` code of every refusal the API answers with, and its HTTP status. The API's error classes
 * are built from this map (apps/api platform/errors.ts); a client can match on the codes.
 */
export const ERROR_STATUS = {
  // Generic request problems
  invalid_request: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  service_unavailable: 503,
  internal_error: 500,
  // Waves and the sampling frame
  no_open_wave: 404,
  unknown_wave: 404,
  unknown_town: 404,
  unknown_community: 400,
  wave_closed: 409,
  invalid_file: 422,
  /** An upload that would take too much memory to read: too much unpacked content, too many rows or cells. */
  upload_too_large: 413,
  /** An upload that took longer than the limit to read. */
  upload_too_slow: 422,
  invalid_wave_state: 409,
  duplicate_code: 409,
  questionnaire_locked: 409,
  /** A questionnaire version a wave uses that has a response (or is open): it can no longer be edited. */
  questionnaire_in_use: 409,
  invalid_questionnaire: 422,
  another_wave_open: 409,
  wave_has_responses: 409,
  quota_below_filled: 409,
  // Respondent verification
  invalid_id_number: 400,
  invalid_phone: 400,
  underage: 422,
  already_responded: 409,
  quota_full: 409,
  in_progress: 409,
  wrong_code: 400,
  verification_expired: 410,
  too_many_attempts: 429,
  resend_too_soon: 429,
  sms_daily_limit: 429,
  sms_unavailable: 503,
  too_many_held: 429,
  community_busy: 429,
  sms_budget_exhausted: 429,
  challenge_required: 428,
  invalid_token: 401,
  invalid_answers: 422,
  // Responses (console)
  unknown_response: 404,
  response_void: 409,
  online_answers_locked: 409,
  dev_outbox_disabled: 404,
  // Console
  unauthenticated: 401,
  forbidden: 403,
  invalid_credentials: 401,
  login_delayed: 429,
  csrf_failed: 403,
  unknown_user: 404,
  duplicate_username: 409,
  weak_password: 422,
  wrong_password: 422,
  last_admin: 409,
  // Objective indicators and the subjective–objective comparison
  unknown_indicator: 404,
  invalid_indicator: 422,
  progress_not_comparable: 422,
  comparison_unavailable: 422,
  unknown_recommendation: 404,
  invalid_recommendation: 422,
  // Satisfaction results
  no_results: 409,
  poststratification_unavailable: 409,
  unknown_variable: 400,
  unknown_measure: 404,
  // Residents' comments
  invalid_comment_themes: 422,
  unknown_theme: 400,
  unknown_comment: 404,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

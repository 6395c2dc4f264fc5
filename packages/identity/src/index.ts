// Browser-safe: no node: imports here. Server-only hashing lives in "@survey/identity/pii-hash".
export { type AgeGroup, ageGroupLabel, ageGroupOf, ageGroups, ageOn } from "./age";
export { chinaCalendarDate, formatCalendarDate, isLeapYear, parseCalendarDate } from "./calendar-date";
export {
  type IdNumberInfo,
  type IdNumberProblem,
  type IdNumberResult,
  idNumberCheckChar,
  idNumberProblemMessages,
  makeIdNumber,
  normalizeIdNumber,
  type ParseIdNumberOptions,
  parseIdNumber,
  underageMessage,
} from "./id-number";
export {
  cleanIdNumberInput,
  cleanPhoneInput,
  cleanSmsCodeInput,
  ID_NUMBER_LENGTH,
  PHONE_LENGTH,
  SMS_CODE_LENGTH,
} from "./input-cleaning";
export { classifyDigitRun, MASK_LABELS, type MaskKind, maskAnswers, maskFreeText } from "./mask-free-text";
export { type PasswordProblem, passwordProblem } from "./password-rules";
export { maskPhone, normalizePhone, phoneLast4, phoneProblemMessage } from "./phone";
export { isKnownProvinceCode, provinceCodes } from "./region-codes";

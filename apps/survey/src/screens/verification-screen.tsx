import { cleanIdNumberInput, cleanPhoneInput, cleanSmsCodeInput } from "@survey/identity";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useConfirmCode } from "../api/confirm-code";
import type { ApiError } from "../api/http";
import { useStartVerification } from "../api/start-verification";
import type { ChosenCommunity, CurrentWave, VerificationConfirmed } from "../api/types";
import { Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { useCountdown } from "../hooks/use-countdown";
import { prefetchQuestionnaire } from "../questionnaire/load-questionnaire";
import { errorSentence, strings } from "../strings";
import { idNumberError, normalizedIdNumber, normalizePhone, phoneError } from "./identity-checks";
import { Layout } from "./layout";

/** Refusals of the phone number: the resident can go on with another one (a family member's own phone). */
const PHONE_REFUSALS = new Set(["in_progress", "sms_daily_limit", "invalid_phone"]);

/** Errors after which the resident cannot go on here: the app shows a full page instead. */
export const BLOCKING_ERRORS = new Set([
  "already_responded",
  "quota_full",
  "underage",
  "wave_closed",
  "unknown_community",
]);

const RESEND_SECONDS = 60;

interface SentCode {
  verificationId: string;
  phoneMasked: string;
}

export function VerificationScreen({
  wave,
  community,
  notice,
  changePhone,
  onVerified,
  onBlocked,
}: {
  wave: CurrentWave;
  community: ChosenCommunity;
  notice?: ReactNode;
  /** Back from "already responded" through 换个号码: the ID number stays, the phone field is empty and focused. */
  changePhone?: { idNumber: string };
  onVerified: (confirmed: VerificationConfirmed, phoneMasked: string) => void;
  onBlocked: (error: ApiError, typed: { idNumber: string }) => void;
}) {
  const [idNumber, setIdNumber] = useState(changePhone?.idNumber ?? "");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [touched, setTouched] = useState({ id: false, phone: false, code: false });
  const [serverFieldError, setServerFieldError] = useState<{ id?: string; phone?: string; code?: string }>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [phoneRefused, setPhoneRefused] = useState(false);
  const [sent, setSent] = useState<SentCode | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(resendAt);
  const start = useStartVerification(wave.id);
  const confirm = useConfirmCode();
  const idRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the screen opens for 换个号码.
  useEffect(() => {
    if (changePhone) phoneRef.current?.focus();
  }, []);

  /** 换个号码: empties the phone field and puts the cursor in it; the ID number stays. */
  const switchToAnotherPhone = () => {
    setPhone("");
    forgetCode();
    setBanner(null);
    setPhoneRefused(false);
    setResendAt(null);
    setTouched((t) => ({ ...t, phone: false }));
    phoneRef.current?.focus();
  };

  const idProblem = serverFieldError.id ?? (touched.id ? idNumberError(idNumber) : null);
  const phoneProblem = serverFieldError.phone ?? (touched.phone ? phoneError(phone) : null);
  const codeProblem =
    serverFieldError.code ?? (touched.code && !/^\d{6}$/.test(code) ? strings.verify.codeIncomplete : null);

  /** A code belongs to one ID number and phone: changing either means asking for a new one. */
  const forgetCode = () => {
    setSent(null);
    setCode("");
    setServerFieldError({});
  };

  const waitFor = (seconds: number) => setResendAt(Date.now() + seconds * 1000);

  const sendCode = async () => {
    setTouched((t) => ({ ...t, id: true, phone: true }));
    setServerFieldError({});
    setBanner(null);
    setPhoneRefused(false);
    const normalizedId = normalizedIdNumber(idNumber);
    const normalizedPhone = normalizePhone(phone);
    if (!normalizedId) return idRef.current?.focus();
    if (!normalizedPhone) return phoneRef.current?.focus();
    try {
      const started = await start.run({
        idNumber: normalizedId,
        phone: normalizedPhone,
        communityCode: community.code,
      });
      setSent({ verificationId: started.verificationId, phoneMasked: started.phoneMasked });
      setCode("");
      setTouched((t) => ({ ...t, code: false }));
      waitFor(RESEND_SECONDS);
      codeRef.current?.focus();
    } catch (caught) {
      const error = caught as ApiError;
      if (BLOCKING_ERRORS.has(error.code)) return onBlocked(error, { idNumber });
      const sentence = errorSentence(error.code, { retryAfterSeconds: error.retryAfterSeconds });
      if (error.code === "invalid_id_number") return setServerFieldError({ id: error.message || sentence });
      setPhoneRefused(PHONE_REFUSALS.has(error.code));
      if (error.code === "invalid_phone") return setServerFieldError({ phone: error.message || sentence });
      if (error.retryAfterSeconds) waitFor(error.retryAfterSeconds);
      setBanner(sentence);
    }
  };

  const confirmCode = async (value: string) => {
    setTouched((t) => ({ ...t, code: true }));
    setBanner(null);
    if (!sent) {
      setBanner(strings.verify.codeNotRequested);
      return;
    }
    if (!/^\d{6}$/.test(value)) return codeRef.current?.focus();
    try {
      const confirmed = await confirm.run(sent.verificationId, value);
      onVerified(confirmed, sent.phoneMasked);
    } catch (caught) {
      const error = caught as ApiError;
      if (BLOCKING_ERRORS.has(error.code)) return onBlocked(error, { idNumber });
      const attemptsLeft = typeof error.body.attemptsLeft === "number" ? error.body.attemptsLeft : undefined;
      const sentence = errorSentence(error.code, { retryAfterSeconds: error.retryAfterSeconds, attemptsLeft });
      if (error.code === "wrong_code") {
        setServerFieldError({ code: sentence });
        setCode("");
        codeRef.current?.focus();
        return;
      }
      if (error.code === "verification_expired" || error.code === "too_many_attempts") {
        forgetCode();
        setResendAt(null);
      }
      setBanner(sentence);
    }
  };

  const sendLabel = start.solving
    ? strings.verify.checking
    : start.pending
      ? strings.verify.sending
      : secondsLeft > 0
        ? strings.verify.resendIn(secondsLeft)
        : sent
          ? strings.verify.resend
          : strings.verify.sendCode;

  return (
    <Layout title={wave.title} step={1}>
      {notice}
      <form
        className="card"
        aria-labelledby="verify-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirmCode(code);
        }}
      >
        <h1 id="verify-heading" className="card__title">
          {strings.verify.title}
        </h1>
        <p className="card__lead">{strings.verify.intro}</p>
        <p className="card__lead own-phone">{strings.verify.ownPhone}</p>

        <TextField
          ref={idRef}
          label={strings.verify.idLabel}
          placeholder={strings.verify.idPlaceholder}
          name="idNumber"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          className="field__input--id"
          value={idNumber}
          error={idProblem}
          onFocus={prefetchQuestionnaire}
          onBlur={() => idNumber && setTouched((t) => ({ ...t, id: true }))}
          onValueChange={(typed) => {
            // Cleaned first, then limited: no maxLength on the input, which would cut before cleaning.
            const value = cleanIdNumberInput(typed);
            setIdNumber(value);
            if (sent) forgetCode();
            setServerFieldError((e) => ({ ...e, id: undefined }));
          }}
        />
        <TextField
          ref={phoneRef}
          label={strings.verify.phoneLabel}
          placeholder={strings.verify.phonePlaceholder}
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          value={phone}
          error={phoneProblem}
          onFocus={prefetchQuestionnaire}
          onBlur={() => phone && setTouched((t) => ({ ...t, phone: true }))}
          onValueChange={(typed) => {
            const value = cleanPhoneInput(typed);
            setPhone(value);
            setPhoneRefused(false);
            if (sent) forgetCode();
            setServerFieldError((e) => ({ ...e, phone: undefined }));
          }}
        />
        <TextField
          ref={codeRef}
          label={strings.verify.codeLabel}
          placeholder={strings.verify.codePlaceholder}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          className="field__input--code"
          value={code}
          error={codeProblem}
          hint={sent ? strings.verify.codeSent(sent.phoneMasked) : null}
          onValueChange={(typed) => {
            // Spaces, full-width digits or a whole pasted SMS: the six digits of the code.
            const digits = cleanSmsCodeInput(typed);
            setCode(digits);
            setServerFieldError((e) => ({ ...e, code: undefined }));
            // Codes pasted or filled from the SMS confirm at once, as residents expect.
            if (digits.length === 6 && sent && !confirm.pending) void confirmCode(digits);
          }}
          trailing={
            <button
              type="button"
              className="button button--secondary button--inline"
              disabled={start.pending || secondsLeft > 0}
              onClick={() => void sendCode()}
            >
              {sendLabel}
            </button>
          }
        />

        {start.solving ? <Notice tone="info">{strings.verify.checkingStatus}</Notice> : null}
        {banner ? <Notice tone="alert">{banner}</Notice> : null}
        {phoneRefused ? (
          <button type="button" className="button button--secondary" onClick={switchToAnotherPhone}>
            {strings.verify.anotherPhone}
          </button>
        ) : null}

        <button type="submit" className="button button--primary" disabled={confirm.pending}>
          {confirm.pending ? strings.verify.confirming : strings.verify.confirm}
        </button>
        <p className="fineprint fineprint--center privacy-note">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path
              fill="currentColor"
              d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"
            />
          </svg>
          {strings.verify.privacyNote}
        </p>
      </form>
    </Layout>
  );
}

import { type ReactNode, useRef, useState } from "react";
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
  onVerified,
  onBlocked,
}: {
  wave: CurrentWave;
  community: ChosenCommunity;
  notice?: ReactNode;
  onVerified: (confirmed: VerificationConfirmed, phoneMasked: string) => void;
  onBlocked: (error: ApiError) => void;
}) {
  const [idNumber, setIdNumber] = useState("");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [touched, setTouched] = useState({ id: false, phone: false, code: false });
  const [serverFieldError, setServerFieldError] = useState<{ id?: string; phone?: string; code?: string }>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [sent, setSent] = useState<SentCode | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(resendAt);
  const start = useStartVerification(wave.id);
  const confirm = useConfirmCode();
  const idRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

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
      if (BLOCKING_ERRORS.has(error.code)) return onBlocked(error);
      const sentence = errorSentence(error.code, { retryAfterSeconds: error.retryAfterSeconds });
      if (error.code === "invalid_id_number") return setServerFieldError({ id: error.message || sentence });
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
      if (BLOCKING_ERRORS.has(error.code)) return onBlocked(error);
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

  const sendLabel = start.pending
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
          maxLength={24}
          value={idNumber}
          error={idProblem}
          onFocus={prefetchQuestionnaire}
          onBlur={() => idNumber && setTouched((t) => ({ ...t, id: true }))}
          onValueChange={(value) => {
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
          maxLength={16}
          value={phone}
          error={phoneProblem}
          onFocus={prefetchQuestionnaire}
          onBlur={() => phone && setTouched((t) => ({ ...t, phone: true }))}
          onValueChange={(value) => {
            setPhone(value);
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
          maxLength={6}
          className="field__input--code"
          value={code}
          error={codeProblem}
          hint={sent ? strings.verify.codeSent(sent.phoneMasked) : null}
          onValueChange={(value) => {
            const digits = value.replace(/\D/g, "").slice(0, 6);
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

        {banner ? <Notice tone="alert">{banner}</Notice> : null}

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

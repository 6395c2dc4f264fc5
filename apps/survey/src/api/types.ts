/**
 * Shapes of the public resident API (SPEC §3), as the phone app reads them: the contract's types, imported as
 * types only so that nothing of the contract (or TypeBox) reaches the phone's bundle.
 */
import type {
  ConfirmReply,
  PublicQuestionnaire,
  Receipt,
  ReservationCommunity,
  ReservationReply,
  StartVerificationReply,
} from "@survey/contract";

export type { Answers, CommunityQuota, CurrentWave, TownQuota } from "@survey/contract";

/** The community a resident answers for, with its town: what the app keeps between screens. */
export type ChosenCommunity = ReservationCommunity;
export type Questionnaire = PublicQuestionnaire;
export type VerificationStarted = StartVerificationReply;
export type VerificationConfirmed = ConfirmReply;
/** `expired` still accepts answers; `submitted` comes with `response`, the receipt. */
export type Reservation = ReservationReply;
export type SubmittedResponse = Receipt;

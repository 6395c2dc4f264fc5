/** Shapes of the public resident API (SPEC §3), as the phone app reads them. */

export type Answers = Record<string, unknown>;

export interface CurrentWave {
  id: number;
  code: string;
  title: string;
  status: "draft" | "open" | "closed";
  townTarget: number;
  communityCap: number;
  closesAt: string | null;
}

export interface TownQuota {
  code: string;
  name: string;
  kind: "street" | "town";
  target: number;
  completed: number;
  reserved: number;
  full: boolean;
}

export interface CommunityQuota {
  code: string;
  name: string;
  cap: number;
  completed: number;
  reserved: number;
  full: boolean;
}

/** The community a resident answers for, with its town: what the app keeps between screens. */
export interface ChosenCommunity {
  code: string;
  name: string;
  townCode: string;
  townName: string;
}

export interface Questionnaire {
  id: number;
  title: string;
  /** SurveyJS survey JSON. */
  definition: Record<string, unknown>;
}

export interface VerificationStarted {
  verificationId: string;
  expiresAt: string;
  phoneMasked: string;
}

export interface VerificationConfirmed {
  reservationToken: string;
  expiresAt: string;
  questionnaire: Questionnaire;
  draft: Answers | null;
}

export interface Reservation {
  /** "active", "expired" (answers still accepted) or "submitted" (then `response` holds the receipt). */
  status: string;
  expiresAt: string;
  community: ChosenCommunity;
  questionnaire: Questionnaire;
  draft: Answers | null;
  response?: SubmittedResponse;
}

export interface SubmittedResponse {
  responseId: string | number;
  receiptCode: string;
  counted: boolean;
}

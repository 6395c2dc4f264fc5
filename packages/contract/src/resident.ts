/**
 * The public resident API (SPEC §3) the phone app uses: the open wave and its quotas, verification by SMS,
 * the reservation and the submission. The survey app imports these types only (`import type`), so none of
 * this adds to the phone's bundle.
 */
import { type Static, Type } from "typebox";

const WaveStatus = Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]);

// ---------------------------------------------------------------- the open wave and its quotas

/** `GET /api/waves/current` → 200; 404 `no_open_wave`. */
export const CurrentWave = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  status: WaveStatus,
  townTarget: Type.Integer(),
  communityCap: Type.Integer(),
  closesAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  /** How many questions the wave's questionnaire asks and about how long it takes (null: none set yet). */
  questionCount: Type.Union([Type.Integer(), Type.Null()]),
  estimatedMinutes: Type.Union([Type.Integer(), Type.Null()]),
});
export type CurrentWave = Static<typeof CurrentWave>;

/** One element of `GET /api/waves/:waveId/towns`. */
export const TownQuota = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal("street"), Type.Literal("town")]),
  target: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
  full: Type.Boolean(),
});
export type TownQuota = Static<typeof TownQuota>;
export const TownQuotaList = Type.Array(TownQuota);

/** One element of `GET /api/waves/:waveId/towns/:townCode/communities`. */
export const CommunityQuota = Type.Object({
  code: Type.String(),
  name: Type.String(),
  cap: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
  full: Type.Boolean(),
});
export type CommunityQuota = Static<typeof CommunityQuota>;
export const CommunityQuotaList = Type.Array(CommunityQuota);

/** `GET /api/waves/link?w=<waveCode>&c=<communityCode>` — what a poster link opens, both codes optional. */
export const PosterLinkQuery = Type.Object({
  w: Type.Optional(Type.String({ pattern: "^[0-9A-Za-z_-]{1,40}$" })),
  c: Type.Optional(Type.String({ pattern: "^[0-9A-Za-z_-]{1,40}$" })),
});
export type PosterLinkQuery = Static<typeof PosterLinkQuery>;

/**
 * `GET /api/waves/link` → 200; 404 `no_open_wave`. The first screen's data in one answer instead of three
 * (the wave, then its towns, then the town's communities): on a phone network each is a round trip. `wave` is
 * the one `w` names (open or closed), else the current one — `unknownWave` when `w` named none or a draft;
 * `town` and `community` are the link's community and its town in that wave, when it is open and takes part.
 */
export const PosterLink = Type.Object({
  wave: CurrentWave,
  unknownWave: Type.Boolean(),
  town: Type.Union([TownQuota, Type.Null()]),
  community: Type.Union([CommunityQuota, Type.Null()]),
});
export type PosterLink = Static<typeof PosterLink>;

// ---------------------------------------------------------------- verification

/** `POST /api/waves/:waveId/verifications` */
/**
 * A self-hosted proof-of-work challenge (ALTCHA v2), which start asks for (428 `challenge_required`, the
 * challenge in the error's `challenge`) while one address or the whole service starts unusually many
 * verifications. The app finds the counter whose derived key starts with `parameters.keyPrefix` and sends the
 * challenge back with it; each solved challenge is accepted once.
 */
export const ProofOfWorkChallenge = Type.Object({
  parameters: Type.Object(
    {
      algorithm: Type.String({ maxLength: 32 }),
      nonce: Type.String({ maxLength: 128 }),
      salt: Type.String({ maxLength: 128 }),
      cost: Type.Integer(),
      keyLength: Type.Integer(),
      keyPrefix: Type.String({ maxLength: 128 }),
    },
    { additionalProperties: true },
  ),
  signature: Type.String({ maxLength: 256 }),
});
export type ProofOfWorkChallenge = Static<typeof ProofOfWorkChallenge>;

export const ChallengeSolution = Type.Object(
  {
    challenge: ProofOfWorkChallenge,
    solution: Type.Object({ counter: Type.Integer({ minimum: 0 }), derivedKey: Type.String({ maxLength: 256 }) }),
  },
  { additionalProperties: false },
);
export type ChallengeSolution = Static<typeof ChallengeSolution>;

export const StartVerificationBody = Type.Object(
  {
    idNumber: Type.String({ maxLength: 64, description: "居民身份证号码（18位）" }),
    phone: Type.String({ maxLength: 32, description: "中国大陆手机号码" }),
    communityCode: Type.String({ maxLength: 40 }),
    challenge: Type.Optional(ChallengeSolution),
  },
  { additionalProperties: false },
);
export type StartVerificationBody = Static<typeof StartVerificationBody>;

/** `POST /api/waves/:waveId/verifications` → 201. */
export const StartVerificationReply = Type.Object({
  verificationId: Type.String(),
  expiresAt: Type.String({ format: "date-time" }),
  phoneMasked: Type.String(),
});
export type StartVerificationReply = Static<typeof StartVerificationReply>;

export const VerificationIdParams = Type.Object({ verificationId: Type.String({ maxLength: 64 }) });

/** `POST /api/verifications/:verificationId/confirm` */
export const ConfirmBody = Type.Object({ code: Type.String({ maxLength: 16 }) }, { additionalProperties: false });
export type ConfirmBody = Static<typeof ConfirmBody>;

/** Answers keyed by question name; the questionnaire decides what each value may be. */
export const Answers = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 500 });
export type Answers = Static<typeof Answers>;

/** The questionnaire a resident answers: `definition` is SurveyJS survey JSON. */
export const PublicQuestionnaire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
});
export type PublicQuestionnaire = Static<typeof PublicQuestionnaire>;

/** `POST /api/verifications/:verificationId/confirm` → 201: a slot is held for the resident. */
export const ConfirmReply = Type.Object({
  reservationToken: Type.String(),
  expiresAt: Type.String({ format: "date-time" }),
  questionnaire: PublicQuestionnaire,
  draft: Answers,
});
export type ConfirmReply = Static<typeof ConfirmReply>;

// ---------------------------------------------------------------- reservation and submission

/** `POST /api/responses` → 201 (or 200 for a repeated submission with the same token). */
export const Receipt = Type.Object({
  responseId: Type.String(),
  receiptCode: Type.String(),
  counted: Type.Boolean(),
});
export type Receipt = Static<typeof Receipt>;

/** The community a reservation is for, with its town. */
export const ReservationCommunity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  townCode: Type.String(),
  townName: Type.String(),
});
export type ReservationCommunity = Static<typeof ReservationCommunity>;

/** `GET /api/reservation` → 200: everything the app needs to resume after a reload. */
export const ReservationReply = Type.Object({
  /** `expired` still accepts answers; `submitted` comes with `response`. */
  status: Type.Union([Type.Literal("active"), Type.Literal("expired"), Type.Literal("submitted")]),
  expiresAt: Type.String({ format: "date-time" }),
  community: ReservationCommunity,
  questionnaire: PublicQuestionnaire,
  draft: Answers,
  response: Type.Optional(Receipt),
});
export type ReservationReply = Static<typeof ReservationReply>;

/**
 * On the 204 of `PUT /api/reservation/draft`: when the slot is now held until (ISO 8601) — each autosave
 * extends a hold still running, up to a bound.
 */
export const RESERVATION_EXPIRES_HEADER = "reservation-expires-at";
/** The header's name as a type, for the resident app (which imports types only, to keep TypeBox off phones). */
export type ReservationExpiresHeader = typeof RESERVATION_EXPIRES_HEADER;

/** `PUT /api/reservation/draft` and `POST /api/responses` */
export const AnswersBody = Type.Object({ answers: Answers }, { additionalProperties: false });
export type AnswersBody = Static<typeof AnswersBody>;

/** `Authorization: Bearer <reservationToken>` */
export const BearerHeaders = Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 300 })) });

// ---------------------------------------------------------------- development only

/** `GET /api/dev/sms-outbox?phone=` (never in production): the codes "sent", newest first. */
export const OutboxQuery = Type.Object({ phone: Type.String({ maxLength: 32 }) });
export const OutboxReply = Type.Array(
  Type.Object({ text: Type.String(), code: Type.String(), createdAt: Type.String({ format: "date-time" }) }),
);
export type OutboxReply = Static<typeof OutboxReply>;

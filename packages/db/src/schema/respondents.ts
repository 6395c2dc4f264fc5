import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { waves } from "./waves";

/**
 * What the ID number tells us, kept instead of the number itself.
 * `idHash` / `phoneHash` are HMAC-SHA256 (hex) with the PII secret; plain values never reach the database.
 */
const derived = {
  sex: text("sex", { enum: ["male", "female"] }),
  birthYear: integer("birth_year"),
  ageGroup: text("age_group"),
  /** 户籍: the ID number was issued in the district's own city. */
  registered: boolean("registered"),
};

/** A started verification: an SMS code has been sent and waits for confirmation. */
export const verifications = pgTable(
  "verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    communityCode: text("community_code").notNull(),
    townCode: text("town_code").notNull(),
    idHash: text("id_hash").notNull(),
    phoneHash: text("phone_hash").notNull(),
    phoneLast4: text("phone_last4").notNull(),
    ...derived,
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    reservationId: uuid("reservation_id"),
    /**
     * Keyed hash of the client address that confirmed, for the limit on reservations held per address; never
     * the address itself, and gone with the verification when it is pruned.
     */
    clientHash: text("client_hash"),
  },
  // No index by phone: the SMS limits are counted in phone_sms_windows.
  (t) => [index("verifications_client").on(t.clientHash), index("verifications_created").on(t.createdAt)],
);

/**
 * The SMS codes sent to each phone (by its hash) in the last 24 hours, one row per phone: the resend
 * interval and the daily cap are checked and the new send counted by one conditional upsert, whose row lock
 * serialises two requests for the same phone.
 */
export const phoneSmsWindows = pgTable("phone_sms_windows", {
  phoneHash: text("phone_hash").primaryKey(),
  sentAt: timestamp("sent_at", { withTimezone: true }).array().notNull(),
});

/** The dev-outbox provider's messages, keyed by phone hash (development and tests only). */
export const devSmsOutbox = pgTable(
  "dev_sms_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    phoneHash: text("phone_hash").notNull(),
    text: text("text").notNull(),
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("dev_sms_outbox_phone").on(t.phoneHash, t.createdAt)],
);

/** A held quota slot. At most one active reservation per person (ID hash, phone hash) per wave. */
export const reservations = pgTable(
  "reservations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    communityCode: text("community_code").notNull(),
    townCode: text("town_code").notNull(),
    /**
     * The person's keys while the reservation may still become a response; cleared when it does (with the
     * person's earlier reservations of the wave), so no reservation joins a response to a person.
     */
    idHash: text("id_hash"),
    phoneHash: text("phone_hash"),
    ...derived,
    status: text("status", { enum: ["active", "submitted", "expired"] })
      .notNull()
      .default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set once, when the slot went back to the pool (expiry) or was turned into a completion. */
    releasedAt: timestamp("released_at", { withTimezone: true }),
    draft: jsonb("draft").notNull().default({}),
    draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }),
  },
  (t) => [
    // The person's keys lead every index of them: a lookup by ID number or phone can then use no other index
    // (see personActiveReservationsSql).
    uniqueIndex("reservations_one_active_id").on(t.idHash, t.waveId).where(sql`${t.status} = 'active'`),
    uniqueIndex("reservations_one_active_phone").on(t.phoneHash, t.waveId).where(sql`${t.status} = 'active'`),
    index("reservations_expiry").on(t.status, t.expiresAt),
    // The community's recent claims, for its per-minute limit (led by the community, not the wave).
    index("reservations_community_claims").on(t.communityCode, t.waveId, t.createdAt),
    // A person's reservations whatever their status, for start and confirm.
    index("reservations_person").on(t.idHash, t.waveId),
    index("reservations_phone").on(t.phoneHash, t.waveId),
  ],
);

/** Bearer tokens for a reservation, stored hashed; a resumed verification adds a token. */
export const reservationTokens = pgTable("reservation_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  reservationId: uuid("reservation_id")
    .notNull()
    .references(() => reservations.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    questionnaireId: integer("questionnaire_id").notNull(),
    reservationId: uuid("reservation_id").unique(),
    communityCode: text("community_code").notNull(),
    townCode: text("town_code").notNull(),
    mode: text("mode", { enum: ["online", "interviewer", "import"] }).notNull(),
    // No ID or phone hash: who answered is kept apart, in respondent_key_sets (SPEC §6).
    ...derived,
    /** False for a late submission that found no free slot: kept, not counted toward quota or results. */
    counted: boolean("counted").notNull(),
    receiptCode: text("receipt_code").notNull().unique(),
    answers: jsonb("answers").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    enteredBy: integer("entered_by"),
    /**
     * Set when the office voids the response: it leaves results and exports (`counted` turns false with it) and
     * its quota slot goes back, but the row and its person's hashes stay so that the person cannot answer again.
     */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: integer("voided_by"),
    voidReason: text("void_reason"),
    /** Last correction of a paper entry's answers (the earlier answers are in the audit log). */
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
  },
  (t) => [index("responses_wave_town").on(t.waveId, t.townCode, t.submittedAt)],
);

/**
 * Who has answered a wave, as the keyed hashes of their ID numbers and phones — and nothing else: no id,
 * time, order, demographics or anything of the response, so that a copy of the database (even with the key,
 * which reverses a hash) cannot tell which answers are whose (SPEC §6). The hashes are kept in buckets by
 * their first hex digits (`i3f` for ID numbers starting 3f, `p3f` for phones), each bucket one sorted array:
 * a new respondent's hash lands inside an existing sorted list, so neither row order nor position inside a
 * row says who answered when; the sweeper rewrites a changed wave's rows in bucket order, so that neither
 * the rows' physical order nor their transaction ids keep the order of updates for longer than a sweep.
 * One response per ID number and per phone is this table's rule: adding a hash
 * that is already in its bucket adds nothing (see recordRespondentKeys), under the bucket's row lock.
 */
export const respondentKeySets = pgTable(
  "respondent_key_sets",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    bucket: text("bucket").notNull(),
    keys: text("keys").array().notNull(),
    /** Changed since the sweeper last rewrote the wave's buckets in bucket order (see reshuffleRespondentKeys). */
    fresh: boolean("fresh").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.bucket] })],
);

/**
 * One row per answered rating item, denormalised so that aggregation by town, item, dimension
 * and domain is one indexed scan. `score` is 0–100, null when the answer is don't know / n.a.
 */
export const responseItems = pgTable(
  "response_items",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    waveId: integer("wave_id").notNull(),
    townCode: text("town_code").notNull(),
    question: text("question").notNull(),
    dimension: text("dimension").notNull(),
    domain: text("domain").notNull(),
    code: smallint("code").notNull(),
    score: real("score"),
    counted: boolean("counted").notNull(),
  },
  (t) => [index("response_items_wave_town_question").on(t.waveId, t.townCode, t.question)],
);

/**
 * One row per verification start, by the keyed hash of the client address: how many an address and the whole
 * service started lately decides whether a proof-of-work challenge is asked for. Pruned after an hour.
 */
export const verificationStarts = pgTable(
  "verification_starts",
  {
    clientHash: text("client_hash").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("verification_starts_client").on(t.clientHash, t.startedAt),
    index("verification_starts_time").on(t.startedAt),
  ],
);

/** Signatures of proof-of-work challenges already used: a solution is accepted once. Pruned once expired. */
export const spentChallenges = pgTable("spent_challenges", {
  signature: text("signature").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

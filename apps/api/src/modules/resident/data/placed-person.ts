import { type SQL, sql } from "drizzle-orm";

/** The columns a verification and a reservation share — who the person is and where they live — as read raw. */
export interface PlacedPersonColumns {
  wave_id: number;
  community_code: string;
  town_code: string;
  id_hash: string;
  phone_hash: string;
  sex: "male" | "female" | null;
  birth_year: number | null;
  age_group: string | null;
  registered: boolean | null;
}

/** The same facts as the services use them. */
export interface PlacedPerson {
  waveId: number;
  communityCode: string;
  townCode: string;
  idHash: string;
  phoneHash: string;
  sex: "male" | "female" | null;
  birthYear: number | null;
  ageGroup: string | null;
  registered: boolean | null;
}

export function placedPersonOf(row: PlacedPersonColumns): PlacedPerson {
  return {
    waveId: row.wave_id,
    communityCode: row.community_code,
    townCode: row.town_code,
    idHash: row.id_hash,
    phoneHash: row.phone_hash,
    sex: row.sex,
    birthYear: row.birth_year,
    ageGroup: row.age_group,
    registered: row.registered,
  };
}

/** The select list for PlacedPersonColumns from the table aliased `alias` (a fixed identifier, never input). */
export function placedPersonSelect(alias: "r" | "v"): SQL {
  return sql.raw(
    ["wave_id", "community_code", "town_code", "id_hash", "phone_hash", "sex", "birth_year", "age_group", "registered"]
      .map((column) => `${alias}.${column}`)
      .join(", "),
  );
}

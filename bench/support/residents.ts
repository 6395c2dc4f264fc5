import { makeIdNumber } from "@survey/identity";

export { seededRandom } from "@survey/indices";

export interface BenchResident {
  idNumber: string;
  phone: string;
  communityCode: string;
}

const FIRST_BIRTH_DAY = Date.UTC(1950, 0, 1);
const BIRTH_DAYS = 18_000; // 1950 – 1999: every resident is an adult

/**
 * The n-th synthetic resident: a distinct valid ID number (birth date and sequence derived from n) and a
 * distinct phone, in a community drawn uniformly from the frame with a seeded generator.
 */
export function residentNumber(n: number, communities: readonly string[], random: () => number): BenchResident {
  const day = new Date(FIRST_BIRTH_DAY + (n % BIRTH_DAYS) * 86_400_000);
  const birth = `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, "0")}${String(day.getUTCDate()).padStart(2, "0")}`;
  const order = String(Math.floor(n / BIRTH_DAYS) % 1000).padStart(3, "0");
  const communityCode = communities[Math.floor(random() * communities.length)];
  if (!communityCode) throw new Error("the frame has no communities");
  return {
    idNumber: makeIdNumber(`310117${birth}${order}`),
    phone: `138${String(n % 100_000_000).padStart(8, "0")}`,
    communityCode,
  };
}

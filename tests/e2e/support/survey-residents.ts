import { makeIdNumber } from "@survey/identity";

export interface TestResident {
  idNumber: string;
  phone: string;
}

let counter = 0;
const run = (Date.now() % 9_000) + process.pid;

/**
 * An adult with a valid Shanghai ID number (correct check character) and a mobile number, both unique
 * within this test run: the birth date and the sequence number carry a per-run counter.
 */
export function newResident(options: { birthYear?: number } = {}): TestResident {
  counter += 1;
  const serial = (run * 37 + counter) % 1000;
  const day = ((run + counter * 7) % 28) + 1;
  const month = ((counter + run) % 12) + 1;
  const year = options.birthYear ?? 1960 + ((run + counter) % 40);
  const birth = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
  const idNumber = makeIdNumber(`310101${birth}${String(serial).padStart(3, "0")}`);
  const phone = `139${String((run * 1000 + counter) % 100_000_000).padStart(8, "0")}`;
  return { idNumber, phone };
}

/**
 * Province-level administrative division codes (GB/T 2260) that can open an 18-character ID number.
 *
 * 71 is Taiwan in GB/T 2260; 81, 82 and 83 open the numbers on residence permits issued since 2018 to
 * residents from Hong Kong (810000), Macao (820000) and Taiwan (830000), which follow GB 11643 too.
 * Only the province is checked: county codes were renumbered many times since 1984 and a person keeps
 * the code issued at birth, so a stricter check would refuse real residents. The check digit catches typos.
 */
export const provinceCodes: ReadonlySet<string> = new Set(
  [
    ["11", "12", "13", "14", "15"], // North
    ["21", "22", "23"], // North-east
    ["31", "32", "33", "34", "35", "36", "37"], // East
    ["41", "42", "43", "44", "45", "46"], // Central and south
    ["50", "51", "52", "53", "54"], // South-west
    ["61", "62", "63", "64", "65"], // North-west
    ["71", "81", "82", "83"], // Taiwan; Hong Kong, Macao and Taiwan residence permits
  ].flat(),
);

export function isKnownProvinceCode(code: string): boolean {
  return provinceCodes.has(code);
}

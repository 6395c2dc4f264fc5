import type { SeededRandom } from "./fuzz-random";

/** Strings that have broken servers before: control characters, unicode edge cases, injections, odd numbers. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "😀👍🏽👨‍👩‍👧",
  "\u202Eevil\u202C",
  "مرحبا بالعالم",
  "שלום",
  "\ud800",
  "\udfff\ud800",
  "\uFEFF",
  "\n\r\t\v\f",
  "'; drop table responses; --",
  "' OR '1'='1",
  "1; select pg_sleep(10)",
  "$1",
  "<img src=x onerror=alert(1)>",
  "<script>alert('x')</script>",
  "javascript:alert(1)",
  // A template-injection probe, written so that it is not itself a template.
  "$" + "{7*7}{{7*7}}",
  "%s%n%x",
  "../../../../etc/passwd",
  "\\",
  '"',
  "null",
  "undefined",
  "NaN",
  "-Infinity",
  "1e309",
  "-0",
  "0x10",
  "310117001",
  "310117001001",
  "2026-13-45",
  "0000-00-00T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "110101199003077777",
  "11010119900307777X",
  "+86 139 0000 0000",
  "居民满意度调查".repeat(50),
  "x".repeat(5000),
];

export const NASTY_NUMBERS: readonly number[] = [
  0,
  -1,
  1,
  1.5,
  -0.0001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  5e-324,
];

/** Any JSON value, mostly nasty, nested up to `depth`. */
export function randomJson(random: SeededRandom, depth = 3): unknown {
  const kind = random.int(0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NASTY_NUMBERS);
    case 3:
    case 4:
      return random.pick(NASTY_STRINGS);
    case 5:
      return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(0, 4); i > 0; i--) {
        object[random.pick([...NASTY_STRINGS.slice(0, 14), "answers", "code", "id", "__proto__", "constructor"])] =
          randomJson(random, depth - 1);
      }
      return object;
    }
  }
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/**
 * A value shaped like `schema` most of the time (so that requests get past validation into the services),
 * with nasty content and, now and then, a wrong type or a missing or extra property.
 */
export function valueFor(schema: JsonSchema | undefined, random: SeededRandom, depth = 4): unknown {
  if (!schema || depth <= 0 || random.chance(0.12)) return randomJson(random, 2);
  if (schema.enum && random.chance(0.7)) return random.pick(schema.enum);
  if (schema.anyOf && schema.anyOf.length > 0) return valueFor(random.pick(schema.anyOf), random, depth - 1);
  const type = Array.isArray(schema.type) ? random.pick(schema.type) : schema.type;
  switch (type) {
    case "object": {
      const object: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(name);
        if (required ? random.chance(0.95) : random.chance(0.6)) object[name] = valueFor(property, random, depth - 1);
      }
      if (random.chance(0.1)) object[random.pick(NASTY_STRINGS.slice(0, 12))] = randomJson(random, 1);
      return object;
    }
    case "array":
      return Array.from({ length: random.int(0, 5) }, () => valueFor(schema.items, random, depth - 1));
    case "integer":
    case "number":
      if (random.chance(0.5) && schema.minimum !== undefined) return schema.minimum + random.int(0, 3);
      return random.pick(NASTY_NUMBERS);
    case "boolean":
      return random.chance(0.5);
    case "string":
      return random.pick(NASTY_STRINGS);
    default:
      return randomJson(random, 2);
  }
}

/** Request bodies that are not valid JSON, sent as application/json. */
export const MALFORMED_JSON: readonly string[] = [
  "{",
  "{'a': 1}",
  '{"a": }',
  "[1, 2",
  '{"a": 1}}',
  "nul",
  '"unterminated',
  "\u0000",
  "{\u0000}",
  '{"a": NaN}',
  "\uFEFF{}",
  '{"__proto__": {"polluted": true}}',
  '{"answers": {"constructor": {"prototype": {"x": 1}}}}',
];

export const WRONG_CONTENT_TYPES: readonly string[] = [
  "text/plain",
  "application/xml",
  "text/csv",
  "multipart/form-data; boundary=xyz",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "application/json; charset=latin1",
  "image/png",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "bogus",
];

/** Path parameter values that are not what the route expects, already percent-encoded for a URL. */
export const WEIRD_PATH_VALUES: readonly string[] = [
  "0",
  "-1",
  "99999999999999999999999",
  "1.5",
  "1e3",
  "abc",
  "%20",
  "%00",
  "%0A",
  "%E2%80%AE",
  "%F0%9F%98%80",
  "%27%20OR%201%3D1--",
  "%3Cscript%3E",
  "..%2F..%2Fetc%2Fpasswd",
  "%FF%FE",
  "%",
  "null",
  "x".repeat(3000),
];

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The resident's browser app imports "@survey/identity"; a node: import anywhere it reaches breaks the bundle.
describe("the browser entry point", () => {
  const directory = new URL(".", import.meta.url);
  const sources = readdirSync(directory).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

  it("reaches no node: module; only pii-hash uses node:crypto", () => {
    for (const name of sources) {
      const text = readFileSync(new URL(name, directory), "utf8");
      const usesNode = /from\s+"node:/.test(text);
      expect(usesNode, name).toBe(name === "pii-hash.ts");
    }
  });

  it("does not re-export pii-hash", () => {
    const index = readFileSync(new URL("index.ts", directory), "utf8");
    expect(index).not.toMatch(/from\s+"\.\/pii-hash"/);
  });
});

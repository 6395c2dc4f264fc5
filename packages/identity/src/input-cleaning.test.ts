import { describe, expect, it } from "vitest";
import { cleanIdNumberInput, cleanPhoneInput, cleanSmsCodeInput } from "./input-cleaning";
import { normalizePhone } from "./phone";

describe("cleanSmsCodeInput", () => {
  it("cleans before it limits: spaces around and inside the code keep all six digits", () => {
    expect(cleanSmsCodeInput(" 453505 ")).toBe("453505");
    expect(cleanSmsCodeInput("453 505")).toBe("453505");
    expect(cleanSmsCodeInput("453-505")).toBe("453505");
    expect(cleanSmsCodeInput("\u3000453505\u3000")).toBe("453505");
  });

  it("turns full-width digits into digits", () => {
    expect(cleanSmsCodeInput("４５３５０５")).toBe("453505");
  });

  it("takes the six-digit code out of a pasted SMS, not its other numbers", () => {
    expect(cleanSmsCodeInput("【浦东新区统计局】您的验证码为453505，5分钟内有效，请勿泄露。")).toBe("453505");
    expect(cleanSmsCodeInput("验证码：４５３５０５（10分钟内有效），客服电话 021-12345")).toBe("453505");
    expect(cleanSmsCodeInput("Your code is 453505.")).toBe("453505");
  });

  it("keeps at most six digits and nothing else", () => {
    expect(cleanSmsCodeInput("4535051")).toBe("453505");
    expect(cleanSmsCodeInput("45350")).toBe("45350");
    expect(cleanSmsCodeInput("")).toBe("");
    expect(cleanSmsCodeInput("abc")).toBe("");
    expect(cleanSmsCodeInput("12a3")).toBe("123");
  });
});

describe("cleanPhoneInput", () => {
  it("strips +86, 0086, spaces and dashes before it limits to 11 digits", () => {
    expect(cleanPhoneInput("+86 139-9655-2089")).toBe("13996552089");
    expect(cleanPhoneInput("0086 139 9655 2089")).toBe("13996552089");
    expect(cleanPhoneInput("8613996552089")).toBe("13996552089");
    expect(cleanPhoneInput(" 139 9655 2089 ")).toBe("13996552089");
    expect(cleanPhoneInput("(139) 9655·2089")).toBe("13996552089");
  });

  it("turns full-width digits, plus and dashes into ASCII", () => {
    expect(cleanPhoneInput("＋８６ １３９－９６５５－２０８９")).toBe("13996552089");
    expect(cleanPhoneInput("139\u20149655\u20132089")).toBe("13996552089");
  });

  it("gives what the identity check accepts", () => {
    for (const input of ["+86 139-9655-2089", "＋８６１３９９６５５２０８９", "0086-139-9655-2089"]) {
      expect(normalizePhone(cleanPhoneInput(input)), input).toBe("13996552089");
    }
  });

  it("leaves a half-typed number alone, and cuts only past 11 digits", () => {
    expect(cleanPhoneInput("8")).toBe("8");
    expect(cleanPhoneInput("86")).toBe("86");
    expect(cleanPhoneInput("86139")).toBe("86139");
    expect(cleanPhoneInput("1399655208")).toBe("1399655208");
    expect(cleanPhoneInput("139965520891")).toBe("13996552089");
    expect(cleanPhoneInput("+")).toBe("");
  });
});

describe("cleanIdNumberInput", () => {
  it("keeps all 18 characters when typed with spaces or dashes", () => {
    expect(cleanIdNumberInput("310117 19800101 123X")).toBe("31011719800101123X");
    expect(cleanIdNumberInput("310117-19800101-123x")).toBe("31011719800101123X");
    expect(cleanIdNumberInput(" 31011719800101123X ")).toBe("31011719800101123X");
  });

  it("turns full-width digits and Ｘ into ASCII, x into X", () => {
    expect(cleanIdNumberInput("３１０１１７１９８００１０１１２３ｘ")).toBe("31011719800101123X");
  });

  it("keeps at most 18 characters, only digits and X", () => {
    expect(cleanIdNumberInput("31011719800101123X9")).toBe("31011719800101123X");
    expect(cleanIdNumberInput("3101171980010112")).toBe("3101171980010112");
    expect(cleanIdNumberInput("31a0")).toBe("310");
    expect(cleanIdNumberInput("")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { makeIdNumber } from "./id-number";
import { classifyDigitRun, MASK_LABELS, maskAnswers, maskFreeText } from "./mask-free-text";

const ID_WITH_X = "11010519491231002X";
const ID = makeIdNumber("31011719900307123");
const { idNumber, mobile, landline, number } = MASK_LABELS;

const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/X/g, "Ｘ");

describe("maskFreeText", () => {
  it.each([
    // 18-digit ID numbers, with X (either case, full-width), grouped with spaces or dashes
    [`身份证${ID}请联系`, `身份证${idNumber}请联系`],
    [`我的证件${ID_WITH_X}。`, `我的证件${idNumber}。`],
    [`号码 ${ID_WITH_X.toLowerCase()} 谢谢`, `号码 ${idNumber} 谢谢`],
    [`证号${fullWidth(ID_WITH_X)}`, `证号${idNumber}`],
    ["110105 19491231 002X", idNumber],
    ["1101-0519-4912-3100-2X", idNumber],
    ["110105194912310021", idNumber],
    // 15-digit legacy ID numbers
    ["老身份证310101490101123号", `老身份证${idNumber}号`],
    // mobiles: plain, spaced, dashed, +86 / 86 / 0086, full-width
    ["电话13812345678", `电话${mobile}`],
    ["手机 138 1234 5678。", `手机 ${mobile}。`],
    ["138-1234-5678", mobile],
    ["+86 138 1234 5678", mobile],
    ["+8613912345678有事", `${mobile}有事`],
    ["8615912345678", mobile],
    ["0086-138-1234-5678", mobile],
    [fullWidth("13812345678"), mobile],
    ["＋８６ １３８－１２３４－５６７８", mobile],
    ["138\u20141234\u20135678", mobile],
    // landlines: with area code, brackets, and a bare 8-digit number
    ["居委会021-57812345", `居委会${landline}`],
    ["（021）57812345", `（${landline}`],
    ["0571 8765 4321", landline],
    ["打5781 2345找我", `打${number}找我`],
    ["拨57812345", `拨${number}`],
    // other long digit runs
    ["卡号6222021234567890123", `卡号${number}`],
  ])("masks %s", (input, expected) => {
    expect(maskFreeText(input)).toBe(expected);
  });

  it.each([
    "小区3号楼1202室门口的路灯坏了",
    "2024-05-01以后垃圾没人清",
    "2023.10.1 起停车费涨到200元",
    "每天8:00-17:00开放",
    "希望增加100个停车位，等了3年",
    "电话123456",
    "没有意见",
    "",
  ])("leaves %s as it is", (input) => {
    expect(maskFreeText(input)).toBe(input);
  });

  it("keeps an X that does not end an ID number, masking the digits before it", () => {
    expect(maskFreeText("13812345678X")).toBe(`${mobile}X`);
    expect(maskFreeText("12X")).toBe("12X");
  });

  it("is idempotent and leaves no digit of the original", () => {
    const text = `身份证${ID} 手机138-1234-5678 座机021-57812345 卡6222021234567890`;
    const masked = maskFreeText(text);
    expect(maskFreeText(masked)).toBe(masked);
    expect(masked).not.toMatch(/\d{4}/);
    for (const secret of [ID, "13812345678", "57812345", "1234", "5678"]) expect(masked).not.toContain(secret);
  });

  it("masks several numbers in one comment", () => {
    expect(maskFreeText(`张三${ID}，电话13812345678，家里021-57812345`)).toBe(
      `张三${idNumber}，电话${mobile}，家里${landline}`,
    );
  });
});

describe("classifyDigitRun", () => {
  it("tells ID numbers, mobiles, landlines and other numbers apart", () => {
    expect(classifyDigitRun(ID)).toBe("idNumber");
    expect(classifyDigitRun("13812345678")).toBe("mobile");
    expect(classifyDigitRun("12812345678")).toBe("number");
    expect(classifyDigitRun("02157812345")).toBe("landline");
    expect(classifyDigitRun("1234567")).toBe("number");
    expect(classifyDigitRun("123456")).toBeNull();
    expect(classifyDigitRun("2024-05-01")).toBeNull();
    expect(classifyDigitRun("20240501")).toBe("number");
  });
});

describe("maskAnswers", () => {
  it("masks every string, in lists and nested objects, and nothing else", () => {
    const answers = {
      q1: 5,
      comment: `联系13812345678`,
      "q9-Comment": `身份证${ID}`,
      multi: ["a", "电话021-57812345"],
      matrix: { row1: "13912345678", row2: 3 },
      agree: true,
      nothing: null,
    };
    expect(maskAnswers(answers)).toEqual({
      q1: 5,
      comment: `联系${mobile}`,
      "q9-Comment": `身份证${idNumber}`,
      multi: ["a", `电话${landline}`],
      matrix: { row1: mobile, row2: 3 },
      agree: true,
      nothing: null,
    });
    expect(answers.comment).toBe("联系13812345678");
  });
});

import { idNumberProblemMessages, makeIdNumber, phoneProblemMessage, underageMessage } from "@survey/identity";
import { describe, expect, it } from "vitest";
import { checkRespondent } from "./respondent-check";

const today = new Date("2026-11-20T02:00:00Z");
const adult = makeIdNumber("31010419800101123");
const seventeen = makeIdNumber("31010420090301123");

describe("checkRespondent", () => {
  it("accepts a paper form with neither ID number nor phone", () => {
    expect(checkRespondent({ idNumber: "  ", phone: "" }, 18, today)).toEqual({});
  });

  it("accepts a valid adult ID number and a phone with spaces and +86", () => {
    expect(checkRespondent({ idNumber: adult, phone: "+86 139 1234 5678" }, 18, today)).toEqual({});
  });

  it("explains a wrong check character", () => {
    const wrong = `${adult.slice(0, 17)}${adult.endsWith("0") ? "1" : "0"}`;
    expect(checkRespondent({ idNumber: wrong, phone: "" }, 18, today)).toEqual({
      idNumber: idNumberProblemMessages.bad_check_digit,
    });
  });

  it("refuses someone under the wave's minimum age, and accepts them under a lower one", () => {
    expect(checkRespondent({ idNumber: seventeen, phone: "" }, 18, today)).toEqual({
      idNumber: underageMessage(18),
    });
    expect(checkRespondent({ idNumber: seventeen, phone: "" }, 16, today)).toEqual({});
  });

  it("refuses a landline or a 12x number", () => {
    expect(checkRespondent({ idNumber: "", phone: "021-6789-1234" }, 18, today)).toEqual({
      phone: phoneProblemMessage,
    });
    expect(checkRespondent({ idNumber: "", phone: "12912345678" }, 18, today).phone).toBe(phoneProblemMessage);
  });
});

import type { AdminWaveListItem } from "@survey/contract";
import { ageGroups } from "@survey/identity";
import { type FormEvent, useState } from "react";
import { ErrorNotice } from "../../../shared/components/feedback";
import { SelectField, TextField } from "../../../shared/components/fields";
import { categoryLabel } from "../../../shared/strings";
import { useCurrentUser } from "../../accounts/current-user";
import { useCommunityQuotas, useTownQuotas } from "../../waves/api";
import { entryStrings } from "../strings";
import { checkRespondent, type RespondentProblems } from "./respondent-check";

const text = entryStrings;

export interface Respondent {
  townCode: string;
  communityCode: string;
  communityName: string;
  idNumber: string;
  phone: string;
  /** Only asked when there is no ID number to derive them from. */
  sex: "" | "male" | "female";
  ageGroup: string;
}

/** Where the interview took place and, optionally, who answered (for de-duplication). */
export function RespondentForm({
  wave,
  initial,
  onDone,
}: {
  wave: AdminWaveListItem;
  initial: Respondent | null;
  onDone: (respondent: Respondent) => void;
}) {
  const user = useCurrentUser();
  const [townCode, setTownCode] = useState(initial?.townCode ?? "");
  const [communityCode, setCommunityCode] = useState(initial?.communityCode ?? "");
  const [idNumber, setIdNumber] = useState(initial?.idNumber ?? "");
  const [phone, setPhone] = useState(initial?.phone ?? "");
  const [sex, setSex] = useState<Respondent["sex"]>(initial?.sex ?? "");
  const [ageGroup, setAgeGroup] = useState(initial?.ageGroup ?? "");
  const hasIdNumber = idNumber.trim() !== "";
  const notGiven = hasIdNumber ? text.derivedFromId : text.notGiven;
  const [problems, setProblems] = useState<RespondentProblems>({});
  const towns = useTownQuotas(wave.id);
  const communities = useCommunityQuotas(wave.id, townCode || null);
  const visibleTowns = (towns.data ?? []).filter(
    (town) => user.townCodes.length === 0 || user.townCodes.includes(town.code),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkRespondent({ idNumber, phone }, wave.minAge, new Date());
    setProblems(found);
    const community = communities.data?.find((candidate) => candidate.code === communityCode);
    if (found.idNumber || found.phone || !community) return;
    onDone({
      townCode,
      communityCode,
      communityName: community.name,
      idNumber: idNumber.trim(),
      phone: phone.trim(),
      sex: hasIdNumber ? "" : sex,
      ageGroup: hasIdNumber ? "" : ageGroup,
    });
  };

  return (
    <form onSubmit={submit} aria-label={text.respondentTitle} noValidate>
      {towns.isError ? <ErrorNotice error={towns.error} /> : null}
      <div className="form-grid">
        <SelectField
          label={text.town}
          required
          value={townCode}
          options={[
            { value: "", label: text.chooseTown },
            ...visibleTowns.map((town) => ({
              value: town.code,
              label: `${town.name}（${town.completed}/${town.target}）`,
            })),
          ]}
          onChange={(code) => {
            setTownCode(code);
            setCommunityCode("");
          }}
        />
        <SelectField
          label={text.community}
          required
          disabled={!townCode}
          value={communityCode}
          options={[
            { value: "", label: text.chooseCommunity },
            ...(communities.data ?? []).map((community) => ({
              value: community.code,
              label: `${community.name}（${text.communityQuota(community.completed, community.cap)}）${community.full ? text.communityFull : ""}`,
            })),
          ]}
          onChange={setCommunityCode}
        />
        <TextField
          label={text.idNumber}
          hint={text.idNumberHint}
          error={problems.idNumber}
          autoComplete="off"
          inputMode="text"
          maxLength={24}
          value={idNumber}
          onChange={setIdNumber}
        />
        <TextField
          label={text.phone}
          hint={text.phoneHint}
          error={problems.phone}
          type="tel"
          autoComplete="off"
          maxLength={20}
          value={phone}
          onChange={setPhone}
        />
        <SelectField
          label={text.sex}
          disabled={hasIdNumber}
          value={hasIdNumber ? "" : sex}
          options={[
            { value: "", label: notGiven },
            { value: "male", label: categoryLabel("male") },
            { value: "female", label: categoryLabel("female") },
          ]}
          onChange={(value) => setSex(value as Respondent["sex"])}
        />
        <SelectField
          label={text.ageGroup}
          disabled={hasIdNumber}
          value={hasIdNumber ? "" : ageGroup}
          options={[
            { value: "", label: notGiven },
            ...ageGroups
              .filter((group) => group !== "under-18")
              .map((group) => ({ value: group, label: categoryLabel(group) })),
          ]}
          onChange={setAgeGroup}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!communityCode}>
          {text.startForm}
        </button>
      </div>
    </form>
  );
}

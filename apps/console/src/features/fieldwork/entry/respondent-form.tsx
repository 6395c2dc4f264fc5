import { ageGroups } from "@survey/identity";
import { type FormEvent, useState } from "react";
import { ErrorNotice } from "../../../shared/components/feedback";
import { LabelledField } from "../../../shared/components/fields";
import { categoryLabel } from "../../../shared/strings";
import { useCurrentUser } from "../../accounts/current-user";
import type { AdminWaveListItem } from "../../waves/api";
import { useCommunityQuotas, useTownQuotas } from "../api";
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
        <LabelledField label={text.town}>
          {(control) => (
            <select
              {...control}
              className="select"
              required
              value={townCode}
              onChange={(event) => {
                setTownCode(event.target.value);
                setCommunityCode("");
              }}
            >
              <option value="">{text.chooseTown}</option>
              {visibleTowns.map((town) => (
                <option key={town.code} value={town.code}>
                  {town.name}（{town.completed}/{town.target}）
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={text.community}>
          {(control) => (
            <select
              {...control}
              className="select"
              required
              disabled={!townCode}
              value={communityCode}
              onChange={(event) => setCommunityCode(event.target.value)}
            >
              <option value="">{text.chooseCommunity}</option>
              {(communities.data ?? []).map((community) => (
                <option key={community.code} value={community.code}>
                  {community.name}（{text.communityQuota(community.completed, community.cap)}）
                  {community.full ? text.communityFull : ""}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={text.idNumber} hint={text.idNumberHint} error={problems.idNumber}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              inputMode="text"
              maxLength={24}
              value={idNumber}
              onChange={(event) => setIdNumber(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField label={text.phone} hint={text.phoneHint} error={problems.phone}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="tel"
              autoComplete="off"
              maxLength={20}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField label={text.sex}>
          {(control) => (
            <select
              {...control}
              className="select"
              disabled={hasIdNumber}
              value={hasIdNumber ? "" : sex}
              onChange={(event) => setSex(event.target.value as Respondent["sex"])}
            >
              <option value="">{hasIdNumber ? text.derivedFromId : text.notGiven}</option>
              <option value="male">{categoryLabel("male")}</option>
              <option value="female">{categoryLabel("female")}</option>
            </select>
          )}
        </LabelledField>
        <LabelledField label={text.ageGroup}>
          {(control) => (
            <select
              {...control}
              className="select"
              disabled={hasIdNumber}
              value={hasIdNumber ? "" : ageGroup}
              onChange={(event) => setAgeGroup(event.target.value)}
            >
              <option value="">{hasIdNumber ? text.derivedFromId : text.notGiven}</option>
              {ageGroups
                .filter((group) => group !== "under-18")
                .map((group) => (
                  <option key={group} value={group}>
                    {categoryLabel(group)}
                  </option>
                ))}
            </select>
          )}
        </LabelledField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!communityCode}>
          {text.startForm}
        </button>
      </div>
    </form>
  );
}

import { ageGroups } from "@survey/identity";
import { type FormEvent, useId, useState } from "react";
import { useCommunityQuotas, useTownQuotas } from "../../api/quotas";
import type { Wave } from "../../api/waves";
import { ErrorNotice } from "../../components/feedback";
import { useCurrentUser } from "../../session/current-user";
import { categoryLabel, strings } from "../../strings";
import { checkRespondent, type RespondentProblems } from "./respondent-check";

const text = strings.entry;

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
  wave: Wave;
  initial: Respondent | null;
  onDone: (respondent: Respondent) => void;
}) {
  const user = useCurrentUser();
  const ids = { town: useId(), community: useId(), idNumber: useId(), phone: useId(), sex: useId(), age: useId() };
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
        <div className="field">
          <label htmlFor={ids.town} className="field__label">
            {text.town}
          </label>
          <select
            id={ids.town}
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
        </div>
        <div className="field">
          <label htmlFor={ids.community} className="field__label">
            {text.community}
          </label>
          <select
            id={ids.community}
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
        </div>
        <div className="field">
          <label htmlFor={ids.idNumber} className="field__label">
            {text.idNumber}
          </label>
          <input
            id={ids.idNumber}
            className="input"
            autoComplete="off"
            inputMode="text"
            maxLength={24}
            value={idNumber}
            aria-invalid={problems.idNumber ? true : undefined}
            aria-describedby={`${ids.idNumber}-help`}
            onChange={(event) => setIdNumber(event.target.value)}
          />
          <span id={`${ids.idNumber}-help`} className={problems.idNumber ? "field__error" : "field__help"}>
            {problems.idNumber ?? text.idNumberHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.phone} className="field__label">
            {text.phone}
          </label>
          <input
            id={ids.phone}
            className="input"
            type="tel"
            autoComplete="off"
            maxLength={20}
            value={phone}
            aria-invalid={problems.phone ? true : undefined}
            aria-describedby={`${ids.phone}-help`}
            onChange={(event) => setPhone(event.target.value)}
          />
          <span id={`${ids.phone}-help`} className={problems.phone ? "field__error" : "field__help"}>
            {problems.phone ?? text.phoneHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.sex} className="field__label">
            {text.sex}
          </label>
          <select
            id={ids.sex}
            className="select"
            disabled={hasIdNumber}
            value={hasIdNumber ? "" : sex}
            onChange={(event) => setSex(event.target.value as Respondent["sex"])}
          >
            <option value="">{hasIdNumber ? text.derivedFromId : text.notGiven}</option>
            <option value="male">{categoryLabel("male")}</option>
            <option value="female">{categoryLabel("female")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.age} className="field__label">
            {text.ageGroup}
          </label>
          <select
            id={ids.age}
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
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!communityCode}>
          {text.startForm}
        </button>
      </div>
    </form>
  );
}

import { StatusIcon } from "../components/status-icon";
import type { SavedReceipt } from "../session/saved-session";
import { strings } from "../strings";
import { Layout } from "./layout";

/** The thank-you page: the receipt code to keep, and the policies the questionnaire told them about. */
export function ReceiptScreen({
  title,
  receipt,
  onStartOver,
}: {
  title?: string;
  receipt: SavedReceipt;
  onStartOver: () => void;
}) {
  return (
    <Layout title={title}>
      <section className="card status" aria-labelledby="receipt-heading">
        <StatusIcon kind="success" />
        <h1 id="receipt-heading" className="status__heading">
          {strings.receipt.title}
        </h1>
        <p className="status__text">{strings.receipt.text}</p>
        <div className="receipt-code">
          <span className="receipt-code__label">{strings.receipt.codeLabel}</span>
          <span className="receipt-code__value" data-testid="receipt-code">
            {receipt.receiptCode}
          </span>
          <span className="receipt-code__hint">{strings.receipt.codeHint}</span>
        </div>
        {receipt.counted ? null : <p className="fineprint">{strings.receipt.notCounted}</p>}
      </section>

      {receipt.policies.length > 0 ? (
        <section className="card" aria-labelledby="policies-heading">
          <h2 id="policies-heading" className="card__title card__title--small">
            {strings.receipt.policiesTitle}
          </h2>
          <ul className="policy-list">
            {receipt.policies.map((policy) => (
              <li key={policy.title}>
                <h3>{policy.title}</h3>
                <p>{policy.text}</p>
              </li>
            ))}
          </ul>
          <p className="fineprint">{strings.receipt.policiesIntro}</p>
        </section>
      ) : null}

      <button type="button" className="link-button link-button--center" onClick={onStartOver}>
        {strings.receipt.startOver}
      </button>
    </Layout>
  );
}

import { Component, type ReactNode } from "react";
import { StatusScreen } from "../screens/status-screen";
import { strings } from "../strings";

/**
 * The questionnaire chunk can fail to download on a weak network. The answers are in localStorage, so
 * reloading the page is safe and resumes where the resident was.
 */
export class ChunkErrorBoundary extends Component<{ title?: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <StatusScreen
        title={this.props.title}
        heading={strings.status.loadFailedTitle}
        text={strings.status.loadFailedText}
        icon="warning"
      >
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {strings.retry}
        </button>
      </StatusScreen>
    );
  }
}

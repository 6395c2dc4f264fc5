import type { ITheme } from "survey-core";

/**
 * The console's colours for SurveyJS, a little denser than the resident app's: an interviewer types a
 * whole paper form at a desk, so more questions fit on the screen.
 */
export const consoleSurveyTheme: ITheme = {
  themeName: "default",
  colorPalette: "light",
  isPanelless: false,
  cssVariables: {
    "--sjs-general-backcolor": "#ffffff",
    "--sjs-general-backcolor-dark": "#f5f7fa",
    "--sjs-general-backcolor-dim": "#f5f7fa",
    "--sjs-general-backcolor-dim-light": "#f8f9fb",
    "--sjs-general-backcolor-dim-dark": "#eef1f5",
    "--sjs-general-forecolor": "#1d2733",
    "--sjs-general-forecolor-light": "#6b778a",
    "--sjs-primary-backcolor": "#2360a5",
    "--sjs-primary-backcolor-light": "rgba(35, 96, 165, 0.08)",
    "--sjs-primary-backcolor-dark": "#1c4574",
    "--sjs-primary-forecolor": "#ffffff",
    "--sjs-primary-forecolor-light": "rgba(255, 255, 255, 0.25)",
    "--sjs-base-unit": "6px",
    "--sjs-corner-radius": "6px",
    "--sjs-shadow-small": "0px 0px 0px 1px #dde3ea",
    "--sjs-shadow-inner": "inset 0px 0px 0px 1px #c8d0db",
    "--sjs-border-light": "#dde3ea",
    "--sjs-border-default": "#c8d0db",
    "--sjs-special-red": "#b3261e",
    "--sjs-special-red-light": "rgba(179, 38, 30, 0.08)",
    "--sjs-font-family": '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    "--sjs-font-questiontitle-size": "15px",
    "--sjs-font-questiontitle-weight": "600",
    "--sjs-font-pagetitle-size": "17px",
    "--sjs-font-editorfont-size": "14px",
    "--sjs-font-size": "14px",
  },
};

import type { ITheme } from "survey-core";

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

/** The app's colours and type handed to SurveyJS, so the questionnaire looks like the rest of the app. */
export const surveyTheme: ITheme = {
  themeName: "default",
  colorPalette: "light",
  isPanelless: false,
  cssVariables: {
    "--sjs-general-backcolor": "#ffffff",
    "--sjs-general-backcolor-dark": "#f5f6f8",
    "--sjs-general-backcolor-dim": "#f2f4f8",
    "--sjs-general-backcolor-dim-light": "#f7f8fa",
    "--sjs-general-backcolor-dim-dark": "#eceff4",
    "--sjs-general-forecolor": "#1f2329",
    "--sjs-general-forecolor-light": "#646a73",
    "--sjs-primary-backcolor": "#1565d8",
    "--sjs-primary-backcolor-light": "rgba(21, 101, 216, 0.08)",
    "--sjs-primary-backcolor-dark": "#0f4fb0",
    "--sjs-primary-forecolor": "#ffffff",
    "--sjs-primary-forecolor-light": "rgba(255, 255, 255, 0.25)",
    "--sjs-base-unit": "8px",
    "--sjs-corner-radius": "0.75rem",
    "--sjs-shadow-small": "0px 1px 3px 0px rgba(31, 35, 41, 0.08)",
    "--sjs-shadow-inner": "inset 0px 0px 0px 1px rgba(31, 35, 41, 0.12)",
    "--sjs-border-light": "#e3e6eb",
    "--sjs-border-default": "#d0d4db",
    "--sjs-special-red": "#d83931",
    "--sjs-special-red-light": "rgba(216, 57, 49, 0.08)",
    "--sjs-font-family": FONT_STACK,
    "--sjs-font-questiontitle-size": "1.0625rem",
    "--sjs-font-questiontitle-weight": "600",
    "--sjs-font-pagetitle-size": "1.25rem",
    "--sjs-font-editorfont-size": "1rem",
  },
};

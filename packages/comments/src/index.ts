export { DEFAULT_DOMAIN_KEYWORDS, OTHER_THEME } from "./default-keywords";
export {
  type CommentTheme,
  cleanKeywords,
  representativeComments,
  segmentWords,
  suggestThemes,
  type ThemeSuggestion,
} from "./themes";

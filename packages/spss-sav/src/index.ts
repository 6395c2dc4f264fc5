export {
  type NumericVariable,
  type SavValue,
  type SavVariable,
  type StringVariable,
  stringWidthFor,
  utf8Truncated,
  writeSav,
} from "./write-sav";

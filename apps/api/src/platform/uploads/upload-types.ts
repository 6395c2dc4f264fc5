import type { UploadLimits } from "../config";
import type { AppError } from "../errors";

export interface UploadBody {
  bytes: Buffer;
  /** The text encoding the request (or the form's file part) declares. */
  charset?: string;
  /** The configured bounds every reader of these bytes keeps to. */
  limits: UploadLimits;
}

/** How an upload page words the refusals of a form: the indicator upload names Excel first and a `sheet`. */
export interface UploadWording {
  /** The form carried no file. */
  noFile: string;
  /** A 422 about the file as a whole. */
  fileProblem: (message: string) => AppError;
  /** Any form that fails to read is the client's (422); otherwise only the known kinds are, and others rethrown. */
  everyFormErrorIsTheClients?: boolean;
}

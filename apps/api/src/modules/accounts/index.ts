/**
 * Accounts: console sign-in and sessions, the users (admin) and the audit log (admin). Other modules record
 * their changes in the audit log and ask whether a session is still live; the app hands the auth plugin the
 * sessions.
 */
export { type AuditSource, recordAudit } from "./audit-service";
export { sessionAuthority, sessionStillLive } from "./auth-service";
export { resetPassword, unlockAccount } from "./recovery-service";
export { default as auditRoutes } from "./routes/audit";
export { default as authRoutes } from "./routes/auth";
export { default as userRoutes } from "./routes/users";

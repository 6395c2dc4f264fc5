import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { homePathFor } from "../../layout/navigation";
import { ApiRequestError } from "../../shared/api/http";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { strings } from "../../shared/strings";
import { useLogin, useSessionQuery } from "./api";
import { signInStrings } from "./strings";

const text = signInStrings;

export function SignInPage() {
  const session = useSessionQuery();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== "/login" ? from : homePathFor(session.data.user.role)} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  const retryAfterSeconds =
    login.error instanceof ApiRequestError && login.error.code === "login_delayed"
      ? (login.error.body.retryAfterSeconds as number | undefined)
      : undefined;

  return (
    <div className="sign-in">
      <div className="sign-in__panel">
        <div className="sign-in__brand">
          <span className="shell__emblem shell__emblem--large" aria-hidden="true">
            民
          </span>
          <div>
            <div className="sign-in__app">{strings.appName}</div>
            <div className="sign-in__office">{strings.office}</div>
          </div>
        </div>
        <form className="sign-in__form" onSubmit={submit} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title" className="sign-in__title">
            {text.title}
          </h1>
          <p className="sign-in__subtitle">{text.subtitle}</p>
          {retryAfterSeconds ? (
            <Notice tone="error">{text.delayed(retryAfterSeconds)}</Notice>
          ) : login.error ? (
            <ErrorNotice error={login.error} />
          ) : null}
          <TextField
            label={text.username}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={setUsername}
          />
          <TextField
            label={text.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
            {login.isPending ? text.submitting : text.submit}
          </button>
        </form>
        <p className="sign-in__footer">{text.footer}</p>
      </div>
    </div>
  );
}

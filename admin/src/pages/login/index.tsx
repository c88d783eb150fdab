import { useState } from "react";
import { Alert, Flex } from "antd";
import type { ApiError } from "../../request";
import { asApiError } from "../../hooks/useAsync";
import { readEndReason, startSession } from "../../session/sessionStore";
import { AuthFrame } from "../../components/AuthFrame";
import { PasswordStep, type Credentials } from "./components/PasswordStep";
import { TotpStep } from "./components/TotpStep";
import { staffLogin } from "./service";

type Step = { kind: "password" } | { kind: "totp"; credentials: Credentials };

/** Sign-in: username and password, then the authenticator code when the server asks for one. */
export default function LoginPage() {
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [endReason] = useState(readEndReason);
  const [lastUsername, setLastUsername] = useState<string | undefined>(undefined);
  const [codeAttempts, setCodeAttempts] = useState(0);

  async function attempt(credentials: Credentials, totpCode?: string) {
    setSubmitting(true);
    setError(null);
    setLastUsername(credentials.username);
    try {
      const session = await staffLogin({ ...credentials, ...(totpCode ? { totpCode } : {}) });
      startSession(session);
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.code === "TOTP_REQUIRED") {
        setStep({ kind: "totp", credentials });
        return;
      }
      if (failure.code === "TOTP_INVALID") setCodeAttempts((count) => count + 1);
      else setStep({ kind: "password" });
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  }

  const showEndReason = endReason !== null && error === null && step.kind === "password";

  return (
    <AuthFrame
      title={step.kind === "password" ? "工作人员登录" : "两步验证"}
      description={step.kind === "password" ? "心援工作台供咨询师、督导和中心工作人员使用。" : undefined}
    >
      <Flex vertical gap={16}>
        {showEndReason ? <Alert type="info" showIcon message={endReason} /> : null}
        {error ? <Alert type="error" showIcon message={error.message} role="alert" /> : null}
        {step.kind === "password" ? (
          <PasswordStep submitting={submitting} initialUsername={lastUsername} onSubmit={(credentials) => void attempt(credentials)} />
        ) : (
          <TotpStep
            key={codeAttempts}
            submitting={submitting}
            onSubmit={(code) => void attempt(step.credentials, code)}
            onBack={() => {
              setError(null);
              setStep({ kind: "password" });
            }}
          />
        )}
      </Flex>
    </AuthFrame>
  );
}

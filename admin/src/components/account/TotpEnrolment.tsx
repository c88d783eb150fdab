import { useEffect, useState } from "react";
import { Alert, Button, Flex, Input, Steps, Typography } from "antd";
import QRCode from "qrcode";
import type { TotpSetupView } from "@xinyuan/shared";
import type { ApiError } from "../../request";
import { asApiError } from "../../hooks/useAsync";
import { useSubmit } from "../../hooks/useSubmit";
import { LoadingBlock } from "../LoadingBlock";
import { LoadFailed } from "../LoadFailed";
import { formatSecret } from "./formatSecret";

interface TotpEnrolmentProps {
  start: () => Promise<TotpSetupView>;
  confirm: (code: string) => Promise<unknown>;
  onEnrolled: (answer: unknown) => void;
}

interface Enrolment {
  secret: string;
  qrDataUrl: string;
}

async function prepare(start: () => Promise<TotpSetupView>): Promise<Enrolment> {
  const setup = await start();
  const qrDataUrl = await QRCode.toDataURL(setup.otpauthUrl, { width: 200, margin: 1, errorCorrectionLevel: "M" });
  return { secret: setup.secret, qrDataUrl };
}

/** Binds an authenticator app: scan the QR code (or type the key), then prove it with one code. */
export function TotpEnrolment({ start, confirm, onEnrolled }: TotpEnrolmentProps) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState("");
  const confirmation = useSubmit(async (value: string) => onEnrolled(await confirm(value)));
  const { busy: confirming, error: confirmError } = confirmation;

  useEffect(() => {
    let current = true;
    setLoadError(null);
    prepare(start)
      .then((ready) => current && setEnrolment(ready))
      .catch((caught: unknown) => current && setLoadError(asApiError(caught)));
    return () => {
      current = false;
    };
  }, [start, attempt]);

  async function submit(value: string) {
    if (!/^\d{6}$/.test(value) || confirming) return;
    // A wrong or expired code is cleared so the next one can be typed straight away.
    if (!(await confirmation.run(value))) setCode("");
  }

  if (loadError) return <LoadFailed error={loadError} onRetry={() => setAttempt((value) => value + 1)} title="没能生成绑定二维码" />;
  if (!enrolment) return <LoadingBlock tip="正在生成绑定二维码…" />;

  return (
    <Steps
      direction="vertical"
      size="small"
      items={[
        {
          status: "process",
          title: "在手机上安装身份验证器",
          description: "例如微信小程序「腾讯身份验证器」、Microsoft Authenticator 或 Google Authenticator。",
        },
        {
          status: "process",
          title: "扫描二维码",
          description: (
            <Flex vertical gap={8} style={{ paddingTop: 8 }}>
              <img src={enrolment.qrDataUrl} width={200} height={200} alt="身份验证器绑定二维码" data-testid="totp-qr" />
              <Typography.Text type="secondary">无法扫码时，可在验证器中手动输入密钥：</Typography.Text>
              <Typography.Text code copyable={{ text: enrolment.secret, tooltips: ["复制密钥", "已复制"] }} data-testid="totp-secret">
                {formatSecret(enrolment.secret)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          status: "process",
          title: "输入验证器显示的 6 位动态码",
          description: (
            <Flex vertical gap={12} style={{ paddingTop: 8, maxWidth: 320 }}>
              {confirmError ? <Alert type="error" showIcon message={confirmError.message} /> : null}
              <Input.OTP
                length={6}
                value={code}
                disabled={confirming}
                formatter={(value) => value.replace(/\D/g, "")}
                onChange={(value) => {
                  setCode(value);
                  void submit(value);
                }}
                aria-label="6 位动态码"
              />
              <Button type="primary" loading={confirming} disabled={!/^\d{6}$/.test(code)} onClick={() => void submit(code)}>
                完成绑定
              </Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}

import { Card } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { LoadingBlock } from "../../components/LoadingBlock";
import { LoadFailed } from "../../components/LoadFailed";
import { useAsync } from "../../hooks/useAsync";
import { RequireTotpSetting } from "./components/RequireTotpSetting";
import { TypedGuardianConsentSetting } from "./components/TypedGuardianConsentSetting";
import { RetentionSection } from "./components/RetentionSection";
import { getSettings } from "./service";

/** 平台设置: county-wide security settings. */
export default function SettingsPage() {
  const settings = useAsync(getSettings, []);

  return (
    <PageContainer title="平台设置" description="全县统一生效的安全设置，修改会记入审计日志。">
      <Card title="账号安全">
        {settings.error ? (
          <LoadFailed error={settings.error} onRetry={settings.reload} />
        ) : settings.data ? (
          <RequireTotpSetting enabled={settings.data.requireTotpForAllStaff} onSaved={(requireTotpForAllStaff) => settings.setData({ ...settings.data!, requireTotpForAllStaff })} />
        ) : (
          <LoadingBlock />
        )}
      </Card>
      <Card title="未满 14 岁学生的监护人同意" style={{ marginTop: 16 }}>
        {settings.error ? (
          <LoadFailed error={settings.error} onRetry={settings.reload} />
        ) : settings.data ? (
          <TypedGuardianConsentSetting allowed={settings.data.allowTypedGuardianConsent} onSaved={(allowTypedGuardianConsent) => settings.setData({ ...settings.data!, allowTypedGuardianConsent })} />
        ) : (
          <LoadingBlock />
        )}
      </Card>
      <Card title="保存期限" style={{ marginTop: 16 }}>
        <RetentionSection />
      </Card>
    </PageContainer>
  );
}

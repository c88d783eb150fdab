import { useState } from "react";
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { RiskLexiconVersionDetailView, RiskLexiconVersionView } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { LoadingBlock } from "../../components/LoadingBlock";
import { LoadFailed } from "../../components/LoadFailed";
import { useAsync } from "../../hooks/useAsync";
import { FiguresComparison } from "./components/FiguresComparison";
import { LexiconEditor } from "./components/LexiconEditor";
import { FeedbackQueue } from "./components/FeedbackQueue";
import { activateVersion, getVersion, listVersions, retrainModel } from "./service";
import { formatCountyTime } from "../../countyTime";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const when = (iso: string) => formatCountyTime(iso, "YYYY/M/D HH:mm:ss");

/** 风险词库: every version kept, the active one marked; edit a copy, 试运行, save, activate (gated by the server). */
export default function RiskLexiconPage() {
  const versions = useAsync(listVersions, []);
  const [editing, setEditing] = useState<RiskLexiconVersionDetailView | null>(null);
  const [viewing, setViewing] = useState<RiskLexiconVersionView | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [activating, setActivating] = useState<string | null>(null);
  const [retraining, setRetraining] = useState(false);

  const retrain = async () => {
    setRetraining(true);
    try {
      await retrainModel();
      versions.reload();
    } catch {
      // the request wrapper has shown why
    } finally {
      setRetraining(false);
    }
  };

  const edit = async (version: RiskLexiconVersionView) => {
    setOpening(version.id);
    try {
      setEditing(await getVersion(version.id));
    } finally {
      setOpening(null);
    }
  };

  const activate = async (version: RiskLexiconVersionView) => {
    setActivating(version.id);
    try {
      await activateVersion(version.id);
      versions.reload();
    } catch {
      // the request wrapper has shown why (e.g. the gate refused it)
    } finally {
      setActivating(null);
    }
  };

  return (
    <PageContainer title="风险词库" description="自动风险识别所用的词库。可逐条新增、修改、删除词条（也可在高级模式里直接编辑整个词库），每次修改都保存为新版本，先在标注语料上试运行，达标（检出率 ≥ 95%，误报率 ≤ 10%）才能启用；所有服务器几秒内自动换用新版本。">
      {editing ? (
        <LexiconEditor
          base={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            versions.reload();
          }}
        />
      ) : null}
      <Card
        title="版本"
        extra={
          <Popconfirm
            title="重新训练识别模型？"
            description="用程序自带的语料加上督导采纳的反馈语料重新训练，保存为新版本（不会自动启用），需要几秒钟。"
            okText="开始训练"
            cancelText="取消"
            onConfirm={() => retrain()}
          >
            <Button loading={retraining}>重新训练模型</Button>
          </Popconfirm>
        }
      >
        {versions.error ? (
          <LoadFailed error={versions.error} onRetry={versions.reload} />
        ) : !versions.data ? (
          <LoadingBlock />
        ) : (
          <Table<RiskLexiconVersionView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={versions.data}
            locale={{ emptyText: "还没有词库版本（服务器启动时会从程序自带的词库建立第 1 版）。" }}
            columns={[
              { title: "版本", render: (_, version) => `第 ${version.number} 版` },
              { title: "标签", dataIndex: "label" },
              { title: "说明", dataIndex: "note" },
              { title: "作者", render: (_, version) => version.authorName ?? "程序自带" },
              { title: "保存时间", render: (_, version) => when(version.createdAt) },
              { title: "语料条数", render: (_, version) => version.evaluation.rows },
              { title: "检出率", render: (_, version) => percent(version.evaluation.overall.recall) },
              { title: "准确率", render: (_, version) => percent(version.evaluation.overall.precision) },
              { title: "误报率", render: (_, version) => percent(version.evaluation.overall.falseAlarmRate) },
              {
                title: "状态",
                render: (_, version) =>
                  version.isActive ? <Tag color="green">使用中</Tag> : version.evaluation.passesGate ? <Tag>未启用</Tag> : <Tag color="red">未达标</Tag>,
              },
              {
                title: "操作",
                render: (_, version) => (
                  <Space>
                    <Button size="small" onClick={() => setViewing(version)}>
                      查看指标
                    </Button>
                    <Button size="small" loading={opening === version.id} onClick={() => void edit(version)}>
                      以此为底稿编辑
                    </Button>
                    {version.isActive ? null : (
                      <Popconfirm title="启用这个版本？" description="服务器会先在当前语料上再测一次，不达标会拒绝。" okText="启用" cancelText="取消" onConfirm={() => activate(version)}>
                        <Button size="small" type="primary" loading={activating === version.id}>
                          启用
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      {viewing ? (
        <Card title={`第 ${viewing.number} 版的语料指标（保存时测得）`} extra={<Button onClick={() => setViewing(null)}>关闭</Button>}>
          <Typography.Paragraph type="secondary">{viewing.note || "（没有说明）"}</Typography.Paragraph>
          <FiguresComparison before={viewing.evaluation} />
        </Card>
      ) : null}
      <Card title="咨询师反馈复核（漏报 / 误报）">
        <FeedbackQueue />
      </Card>
    </PageContainer>
  );
}

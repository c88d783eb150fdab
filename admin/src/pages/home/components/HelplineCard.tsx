import { Card, List } from "antd";
import { emergencyLines, fallbackHelplines } from "@xinyuan/shared";

/** Numbers a counsellor can give any caller at once, whatever the state of the county line. */
export function HelplineCard() {
  const lines = [...emergencyLines, ...fallbackHelplines];
  return (
    <Card title="随时可转介的求助电话" size="small">
      <List
        size="small"
        dataSource={lines}
        renderItem={(line) => (
          <List.Item>
            <List.Item.Meta title={`${line.number} · ${line.name}`} description={line.note} />
          </List.Item>
        )}
      />
    </Card>
  );
}
